package org.dmscloud.api.account;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant: the platform operator's own customers live in {@link #DEFAULT}; resellers get their own.
 * A short lowercase slug, stable for life because it appears in data and configuration.
 */
public record TenantId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        Objects.requireNonNull(value, "value");
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("a tenant id is 1 to 63 lowercase letters, digits or '-', not '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
