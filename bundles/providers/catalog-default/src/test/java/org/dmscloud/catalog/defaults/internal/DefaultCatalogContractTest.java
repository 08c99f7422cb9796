package org.dmscloud.catalog.defaults.internal;

import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.testkit.AddonOptionContract;
import org.dmscloud.testkit.InstancePackageContract;
import org.dmscloud.testkit.PricingPluginContract;
import org.junit.jupiter.api.Nested;

/** The platform's own catalog passes the plugin testkit like any reseller's bundle must: each package and option, and their prices. */
class DefaultCatalogContractTest {

    private static final Set<Currency> OFFERED = Set.of(Currency.getInstance("EUR"), Currency.getInstance("USD"));
    /** Options go with every package, so they are sold for every device count any package is. */
    private static final DeviceRange ANY_PACKAGE = new DeviceRange(1, 1_000_000);

    private static CatalogItem item(List<CatalogItem> items, String id) {
        return items.stream().filter(item -> item.id().equals(id)).findFirst().orElseThrow();
    }

    abstract static class PackageContract extends InstancePackageContract {
        abstract String id();

        @Override
        protected InstancePackage instancePackage() {
            return new DefaultCatalog.Package(item(DefaultCatalog.PACKAGES, id()));
        }
    }

    abstract static class OptionContract extends AddonOptionContract {
        abstract String id();

        @Override
        protected AddonOption option() {
            return new DefaultCatalog.Option(item(DefaultCatalog.OPTIONS, id()));
        }
    }

    abstract static class PackagePricingContract extends PricingPluginContract {
        abstract String id();

        @Override
        protected PricingPlugin plugin() {
            return item(DefaultCatalog.PACKAGES, id());
        }

        @Override
        protected String pricedItem() {
            return id();
        }

        @Override
        protected InstanceConfiguration configuration(long expectedDevices) {
            return InstanceConfiguration.of(id(), expectedDevices, Set.of());
        }

        @Override
        protected DeviceRange devices() {
            return item(DefaultCatalog.PACKAGES, id()).devices();
        }

        @Override
        protected Set<Currency> currencies() {
            return OFFERED;
        }
    }

    abstract static class OptionPricingContract extends PricingPluginContract {
        abstract String id();

        @Override
        protected PricingPlugin plugin() {
            return item(DefaultCatalog.OPTIONS, id());
        }

        @Override
        protected String pricedItem() {
            return id();
        }

        @Override
        protected InstanceConfiguration configuration(long expectedDevices) {
            return InstanceConfiguration.of("enterprise", expectedDevices, Set.of(id()));
        }

        @Override
        protected DeviceRange devices() {
            return ANY_PACKAGE;
        }

        @Override
        protected Set<Currency> currencies() {
            return OFFERED;
        }
    }

    @Nested
    class Starter extends PackageContract {
        @Override
        String id() {
            return "starter";
        }
    }

    @Nested
    class StarterPricing extends PackagePricingContract {
        @Override
        String id() {
            return "starter";
        }
    }

    @Nested
    class Business extends PackageContract {
        @Override
        String id() {
            return "business";
        }
    }

    @Nested
    class BusinessPricing extends PackagePricingContract {
        @Override
        String id() {
            return "business";
        }
    }

    @Nested
    class Enterprise extends PackageContract {
        @Override
        String id() {
            return "enterprise";
        }
    }

    @Nested
    class EnterprisePricing extends PackagePricingContract {
        @Override
        String id() {
            return "enterprise";
        }
    }

    @Nested
    class FirmwareManagement extends OptionContract {
        @Override
        String id() {
            return "firmware-management";
        }
    }

    @Nested
    class FirmwareManagementPricing extends OptionPricingContract {
        @Override
        String id() {
            return "firmware-management";
        }
    }

    @Nested
    class Usp extends OptionContract {
        @Override
        String id() {
            return "usp";
        }
    }

    @Nested
    class UspPricing extends OptionPricingContract {
        @Override
        String id() {
            return "usp";
        }
    }

    @Nested
    class ExtendedRetention extends OptionContract {
        @Override
        String id() {
            return "extended-retention";
        }
    }

    @Nested
    class ExtendedRetentionPricing extends OptionPricingContract {
        @Override
        String id() {
            return "extended-retention";
        }
    }

    @Nested
    class PrioritySupport extends OptionContract {
        @Override
        String id() {
            return "priority-support";
        }
    }

    @Nested
    class PrioritySupportPricing extends OptionPricingContract {
        @Override
        String id() {
            return "priority-support";
        }
    }
}
