package org.dmscloud.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.spi.catalog.InstancePackage;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link InstancePackage}: extend it in the plugin's tests and answer {@link #instancePackage()}.
 * The id is fit to be stored with every instance, the texts fit to be shown, the device range sellable, and
 * every answer the same each time it is asked (the platform reads them whenever it lists the catalog).
 */
public abstract class InstancePackageContract {

    /** The package as the plugin registers it. */
    protected abstract InstancePackage instancePackage();

    @Test
    void itsIdIsFitToBeStoredWithEveryInstance() {
        PluginTexts.assertId("package", instancePackage().id());
    }

    @Test
    void itsNameAndDescriptionAreFitToBeShownToCustomers() {
        InstancePackage pkg = instancePackage();
        PluginTexts.assertCustomerText("package name", pkg.name(), 60);
        PluginTexts.assertCustomerText("package description", pkg.description(), 500);
    }

    @Test
    void itSellsAtLeastOneDeviceCount() {
        DeviceRange devices = instancePackage().devices();
        assertThat(devices).as("device range").isNotNull();
        assertThat(devices.min()).as("smallest device count").isPositive();
        assertThat(devices.max()).as("largest device count").isGreaterThanOrEqualTo(devices.min());
    }

    @Test
    void itAnswersTheSameEachTime() {
        InstancePackage pkg = instancePackage();
        assertThat(pkg.id()).isEqualTo(pkg.id());
        assertThat(pkg.name()).isEqualTo(pkg.name());
        assertThat(pkg.description()).isEqualTo(pkg.description());
        assertThat(pkg.devices()).isEqualTo(pkg.devices());
    }
}
