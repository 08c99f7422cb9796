package org.dmscloud.spi.catalog;

import org.dmscloud.api.catalog.DeviceRange;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An instance package on sale: a DMS instance sized for a range of expected CPE devices. Register it as
 * a service with the property {@link #PACKAGE_ID} equal to {@link #id()}; its price comes from the
 * {@link PricingPlugin} registered for the same id.
 */
@ConsumerType
public interface InstancePackage {

    /** Service property: the package id, lowercase letters, digits and '-'. Required. */
    String PACKAGE_ID = "dms.package.id";

    /** Stable id; stored with every instance, so never reuse one for a different package. */
    String id();

    /** Name shown to customers, e.g. "Business". */
    String name();

    /** One or two sentences shown to customers. */
    String description();

    /** How many CPE devices an instance of this package may be sold for. */
    DeviceRange devices();

    /**
     * The id of the {@link org.dmscloud.spi.deploy.InstanceDeployer} that deploys this package's instances: by
     * default the platform's built-in ACS.
     */
    default String deployer() {
        return org.dmscloud.spi.deploy.InstanceDeployer.BUILT_IN;
    }
}
