package org.dmscloud.api.instance;

import java.util.Objects;

import org.dmscloud.api.catalog.InstanceConfiguration;

/**
 * An instance to create.
 *
 * @param enabled whether it starts enabled, and is charged to the next billing boundary (rule R6), or
 *                disabled, for free
 */
public record NewInstance(String name, InstanceConfiguration configuration, boolean enabled) {

    private static final int MAX_NAME_LENGTH = 100;

    public NewInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configuration, "configuration");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("an instance name is 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }
}
