package org.dmscloud.api.catalog;

import java.util.Objects;

/**
 * An instance package on sale, as contributed by a plugin bundle.
 *
 * @param priced     whether a pricing plugin prices it; only a priced package can be sold
 * @param providedBy the symbolic name of the bundle that contributes it
 */
public record CatalogPackage(String id, String name, String description, DeviceRange devices, boolean priced,
        String providedBy) {

    public CatalogPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(providedBy, "providedBy");
    }
}
