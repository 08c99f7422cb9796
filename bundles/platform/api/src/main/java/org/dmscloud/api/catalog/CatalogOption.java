package org.dmscloud.api.catalog;

import java.util.Objects;

/**
 * An add-on option on sale, as contributed by a plugin bundle.
 *
 * @param priced     whether a pricing plugin prices it; only a priced option can be sold
 * @param providedBy the symbolic name of the bundle that contributes it
 */
public record CatalogOption(String id, String name, String description, boolean priced, String providedBy) {

    public CatalogOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(providedBy, "providedBy");
    }
}
