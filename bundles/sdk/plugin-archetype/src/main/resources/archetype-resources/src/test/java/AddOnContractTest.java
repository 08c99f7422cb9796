package ${package};

import java.util.Currency;
import java.util.Set;

import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.testkit.AddonOptionContract;
import org.dmscloud.testkit.PricingPluginContract;
import org.junit.jupiter.api.Nested;

/** The option and its pricing pass the platform's plugin testkit. */
class AddOnContractTest {

    @Nested
    class Option extends AddonOptionContract {
        @Override
        protected AddonOption option() {
            return new AddOnOption();
        }
    }

    @Nested
    class Pricing extends PricingPluginContract {
        @Override
        protected PricingPlugin plugin() {
            return new AddOnPricing();
        }

        @Override
        protected String pricedItem() {
            return AddOn.OPTION_ID;
        }

        @Override
        protected InstanceConfiguration configuration(long expectedDevices) {
            return InstanceConfiguration.of("standard", expectedDevices, Set.of(AddOn.OPTION_ID));
        }

        @Override
        protected DeviceRange devices() {
            return new DeviceRange(1, 1_000_000);
        }

        @Override
        protected Set<Currency> currencies() {
            return Set.of(Currency.getInstance("EUR"), Currency.getInstance("USD"));
        }
    }
}
