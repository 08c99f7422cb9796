package org.dmscloud.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.BillingDetails;

/** The JSON the portal API accepts. Missing fields are named back to the client, all at once. */
final class Requests {

    private Requests() {
    }

    public record Register(String email, String password, String name, String company) {
    }

    public record Contact(String name, String email, String company, String topic, String message) {
    }

    public record Email(String email) {
    }

    public record Token(String token) {
    }

    public record SignIn(String email, String password) {
    }

    public record ResetPassword(String token, String newPassword) {
    }

    /** A new instance; {@code quoteId} optionally holds the action to the quoted amount. */
    public record CreateInstance(String name, String packageId, Long expectedDevices, List<String> optionIds, Boolean enabled,
            UUID quoteId) {

        InstanceConfiguration configuration() {
            return Requests.configuration(packageId, expectedDevices, optionIds);
        }
    }

    public record Settings(String packageId, Long expectedDevices, List<String> optionIds, UUID quoteId) {

        InstanceConfiguration configuration() {
            return Requests.configuration(packageId, expectedDevices, optionIds);
        }
    }

    public record Action(UUID quoteId) {
    }

    /**
     * @param action     CREATE, ENABLE, CHANGE_SETTINGS or DELETE
     * @param instanceId for every action but CREATE
     */
    public record QuoteFor(String action, String instanceId, String packageId, Long expectedDevices, List<String> optionIds,
            Boolean enabled) {
    }

    /**
     * A top-up to start.
     *
     * @param provider       a payment provider's id, as {@code GET /payment-providers} lists them
     * @param billingDetails required by providers that issue invoices
     */
    public record StartTopUp(String provider, MoneyView amount, BillingDetailsRequest billingDetails) {
    }

    public record BillingDetailsRequest(String name, String company, String address, String country, String vatId) {

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
        if (expectedDevices < 1) {
            throw new InvalidInputException(Map.of("expectedDevices", "Expect at least 1 CPE device."));
        }
        List<String> options = optionIds == null ? List.of() : optionIds;
        if (options.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException(Map.of("optionIds", "An option id cannot be null."));
        }
        return InstanceConfiguration.of(packageId, expectedDevices, Set.copyOf(options));
    }
}
