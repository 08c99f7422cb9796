package org.dmscloud.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.customer.InvalidInputException;

/** The JSON the portal API accepts. Missing fields are named back to the client, all at once. */
final class Requests {

    private Requests() {
    }

    public record Register(String email, String password, String name, String company) {
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
