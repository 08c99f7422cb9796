package org.dmscloud.api.catalog;

import java.util.Objects;

/**
 * An instance package on sale, as contributed by a plugin bundle.
 *
 * @param priced     whether a pricing plugin prices it; only a priced package can be sold
 * @param providedBy the symbolic name of the bundle that contributes it
 * @param deployer   the id of the deployer its instances are deployed by
 */
public record CatalogPackage(String id, String name, String description, DeviceRange devices, boolean priced,
        String providedBy, String deployer) {

    /** The platform's own deployer, which hosts instances in its built-in ACS. */
    public static final String BUILT_IN_DEPLOYER = "built-in-acs";

    /** A package its instances are deployed by the built-in ACS. */
    public CatalogPackage(String id, String name, String description, DeviceRange devices, boolean priced, String providedBy) {
        this(id, name, description, devices, priced, providedBy, BUILT_IN_DEPLOYER);
    }

    public CatalogPackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(providedBy, "providedBy");
        Objects.requireNonNull(deployer, "deployer");
    }
}
