package org.dmscloud.spi.catalog;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An add-on option that customers can add to an instance, e.g. firmware management. Register it as a
 * service with the property {@link #OPTION_ID} equal to {@link #id()}; its price comes from the
 * {@link PricingPlugin} registered for the same id.
 */
@ConsumerType
public interface AddonOption {

    /** Service property: the option id, lowercase letters, digits and '-'. Required. */
    String OPTION_ID = "dms.option.id";

    /** Stable id; stored with every instance that has the option, so never reuse one. */
    String id();

    /** Name shown to customers. */
    String name();

    /** One or two sentences shown to customers. */
    String description();
}
