package org.dmscloud.catalog.defaults.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * DMS Cloud's own catalog: three packages by fleet size and four add-ons, with their list prices per day
 * (the same figures in EUR and USD). Registered as whiteboard services like any plugin bundle's; to change
 * prices, deploy a new version of this bundle (a running coverage keeps the rate it was paid at, R10) or
 * register a pricing plugin with a higher service ranking.
 */
@Component(immediate = true)
public class DefaultCatalog {

    static final List<CatalogItem> PACKAGES = List.of(
            new CatalogItem("starter", "Starter",
                    "For small operators and labs: one ACS for up to 1,000 CPE devices, TR-069 provisioning and monitoring.",
                    new DeviceRange(1, 1_000),
                    new DevicePricing(1_50, 0, List.of(new Tier(Tier.UNLIMITED, 50)))),
            new CatalogItem("business", "Business",
                    "For regional ISPs: 500 to 25,000 CPE devices with bulk provisioning and per-device diagnostics.",
                    new DeviceRange(500, 25_000),
                    new DevicePricing(10_00, 0, List.of(new Tier(5_000, 40), new Tier(Tier.UNLIMITED, 30)))),
            new CatalogItem("enterprise", "Enterprise",
                    "For national operators: 10,000 to 1,000,000 CPE devices with high availability and a dedicated database.",
                    new DeviceRange(10_000, 1_000_000),
                    new DevicePricing(50_00, 0, List.of(new Tier(50_000, 30), new Tier(250_000, 20), new Tier(Tier.UNLIMITED, 12)))));

    static final List<CatalogItem> OPTIONS = List.of(
            CatalogItem.option("firmware-management", "Firmware management",
                    "Firmware images, staged rollouts and automatic rollback across the fleet.",
                    new DevicePricing(2_00, 0, List.of(new Tier(Tier.UNLIMITED, 5)))),
            CatalogItem.option("usp", "TR-369 / USP support",
                    "A USP controller beside the TR-069 ACS, for devices that speak USP over MQTT or WebSocket.",
                    DevicePricing.flat(5_00)),
            CatalogItem.option("extended-retention", "Extended data retention",
                    "Keep device parameters, events and statistics for 13 months instead of 30 days.",
                    new DevicePricing(0, 1_00, List.of(new Tier(Tier.UNLIMITED, 10)))),
            CatalogItem.option("priority-support", "Priority support",
                    "24/7 support with a one-hour response time and a named engineer.",
                    DevicePricing.flat(25_00)));

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    void register(BundleContext context) {
        for (CatalogItem item : PACKAGES) {
            registrations.add(context.registerService(InstancePackage.class, new Package(item), properties(InstancePackage.PACKAGE_ID, item)));
            registrations.add(context.registerService(PricingPlugin.class, item, properties(PricingPlugin.PRICED_ITEM, item)));
        }
        for (CatalogItem item : OPTIONS) {
            registrations.add(context.registerService(AddonOption.class, new Option(item), properties(AddonOption.OPTION_ID, item)));
            registrations.add(context.registerService(PricingPlugin.class, item, properties(PricingPlugin.PRICED_ITEM, item)));
        }
    }

    @Deactivate
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    private static Dictionary<String, Object> properties(String idProperty, CatalogItem item) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(idProperty, item.id());
        return properties;
    }

    /** An item as an instance package. */
    record Package(CatalogItem item) implements InstancePackage {
        @Override
        public String id() {
            return item.id();
        }

        @Override
        public String name() {
            return item.name();
        }

        @Override
        public String description() {
            return item.description();
        }

        @Override
        public DeviceRange devices() {
            return item.devices();
        }
    }

    /** An item as an add-on option. */
    record Option(CatalogItem item) implements AddonOption {
        @Override
        public String id() {
            return item.id();
        }

        @Override
        public String name() {
            return item.name();
        }

        @Override
        public String description() {
            return item.description();
        }
    }
}
