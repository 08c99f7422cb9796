package org.dmscloud.rest.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.customer.Inputs;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.BillingDetails;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON the portal API accepts. Missing fields are named back to the client, all at once. */
final class Requests {

    /** Package and option ids as the SPI defines them (and as their columns hold them). */
    private static final Pattern ITEM_ID = Pattern.compile("[a-z0-9-]{1,63}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");
    private static final int MAX_INSTANCE_NAME = 100;

    private Requests() {
    }

    public record Register(@Schema(format = "email") String email, @Schema(format = "password") String password, String name,
            @Schema(nullable = true) String company) {
    }

    /** @param topic general, sales, support, billing or bank-transfer-top-up */
    public record Contact(String name, @Schema(format = "email") String email, @Schema(nullable = true) String company,
            @Schema(allowableValues = { "general", "sales", "support", "billing", "bank-transfer-top-up" }) String topic, String message) {
    }

    public record Email(@Schema(format = "email") String email) {
    }

    public record Token(String token) {
    }

    public record SignIn(@Schema(format = "email") String email, @Schema(format = "password") String password) {
    }

    public record ResetPassword(String token, @Schema(format = "password") String newPassword) {
    }

    /** A new instance; {@code quoteId} optionally holds the action to the quoted amount. */
    public record CreateInstance(String name, String packageId, @Schema(minimum = "1") Long expectedDevices,
            @Schema(nullable = true) List<String> optionIds, Boolean enabled, @Schema(nullable = true) UUID quoteId) {

        InstanceConfiguration configuration() {
            return Requests.configuration(packageId, expectedDevices, optionIds);
        }
    }

    public record Settings(String packageId, @Schema(minimum = "1") Long expectedDevices, @Schema(nullable = true) List<String> optionIds,
            @Schema(nullable = true) UUID quoteId) {

        InstanceConfiguration configuration() {
            return Requests.configuration(packageId, expectedDevices, optionIds);
        }
    }

    /**
     * @param action     CREATE, ENABLE, CHANGE_SETTINGS or DELETE
     * @param instanceId for every action but CREATE
     */
    public record QuoteFor(@Schema(allowableValues = { "CREATE", "ENABLE", "CHANGE_SETTINGS", "DELETE" }) String action,
            @Schema(nullable = true, format = "uuid") String instanceId, @Schema(nullable = true) String packageId,
            @Schema(nullable = true, minimum = "1") Long expectedDevices, @Schema(nullable = true) List<String> optionIds,
            @Schema(nullable = true) Boolean enabled) {
    }

    /**
     * A top-up to start.
     *
     * @param provider       a payment provider's id, as {@code GET /payment-providers} lists them
     * @param billingDetails required by providers that issue invoices
     */
    public record StartTopUp(String provider, MoneyView amount, @Schema(nullable = true) BillingDetailsRequest billingDetails) {
    }

    public record BillingDetailsRequest(String name, @Schema(nullable = true) String company, String address,
            @Schema(description = "ISO 3166-1 alpha-2 code, such as DE") String country, @Schema(nullable = true) String vatId) {

        BillingDetails toBillingDetails() {
            return new BillingDetails(trim(name), trim(company), address == null ? "" : address.strip(),
                    trim(country).toUpperCase(java.util.Locale.ROOT), trim(vatId));
        }

        private static String trim(String text) {
            return text == null ? "" : text.trim();
        }
    }

    /** Money a client sends, e.g. {"amount":"50.00","currency":"EUR"}: exact decimal text, never a rounded number. */
    static Money money(String field, MoneyView money) {
        if (money == null || money.amount() == null || money.currency() == null) {
            throw new InvalidInputException(Map.of(field, "Send the amount as {\"amount\": \"50.00\", \"currency\": \"EUR\"}."));
        }
        try {
            return Money.of(money.amount(), money.currency());
        } catch (IllegalArgumentException e) {
            // Too many decimals, too large ("1e30"), not a number, no such currency.
            throw new InvalidInputException(Map.of(field, "Not an amount of money in a known currency: use a decimal such as 50.00 "
                    + "with at most the currency's decimals, and an ISO code such as EUR."));
        }
    }

    /** Fails with every missing field named. */
    static void require(Map<String, Object> fields) {
        Map<String, String> missing = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value == null || (value instanceof String text && text.isBlank())) {
                missing.put(name, "This field is required.");
            }
        });
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
    }

    static InstanceConfiguration configuration(String packageId, Long expectedDevices, List<String> optionIds) {
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("packageId", packageId);
        required.put("expectedDevices", expectedDevices);
        require(required);
        if (!ITEM_ID.matcher(packageId).matches()) {
            throw new InvalidInputException(Map.of("packageId", "There is no such package on sale: package ids are lowercase letters, digits and '-'."));
        }
        if (expectedDevices < 1) {
            throw new InvalidInputException(Map.of("expectedDevices", "Expect at least 1 CPE device."));
        }
        List<String> options = optionIds == null ? List.of() : optionIds;
        Set<String> distinct = new HashSet<>();
        for (String option : options) {
            if (option == null || !ITEM_ID.matcher(option).matches()) {
                throw new InvalidInputException(Map.of("optionIds", "There is no such option on sale: option ids are lowercase letters, digits and '-'."));
            }
            if (!distinct.add(option)) {
                throw new InvalidInputException(Map.of("optionIds", "'" + option + "' is listed more than once."));
            }
        }
        return InstanceConfiguration.of(packageId, expectedDevices, distinct);
    }

    /** An instance's name: one line of 1 to 100 characters that prints as it reads. */
    static String instanceName(String name) {
        new Inputs().text("name", name, 1, MAX_INSTANCE_NAME, "a name").check();
        return name.trim();
    }

    /** The Idempotency-Key header, if sent: 1 to 200 printable ASCII characters, such as a UUID. */
    static Optional<String> idempotencyKey(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (!IDEMPOTENCY_KEY.matcher(header).matches() || header.isBlank()) {
            throw new InvalidInputException(Map.of(InstancesResource.IDEMPOTENCY_KEY, "Send 1 to 200 printable ASCII characters, such as a UUID."));
        }
        return Optional.of(header);
    }
}
