package ${package};

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.money.Money;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.catalog.UnpricedException;
import org.dmscloud.spi.tenant.TenantScope;
import org.osgi.service.component.annotations.Component;

/**
 * 24 hours of the add-on: a base fee and a fee for each started thousand expected devices, in whole
 * minor units (exact, never negative), the same for every call with the same configuration (pure). The
 * price list is the bundle's {@code prices.properties}, read once: a new list is a new version of the bundle.
 */
@Component(property = { PricingPlugin.PRICED_ITEM + "=" + AddOn.OPTION_ID, TenantScope.PROPERTY + "=" + AddOn.TENANT })
public class AddOnPricing implements PricingPlugin {

    /** Minor units per day: the base fee, and the fee per started thousand devices, by currency. */
    private final Map<String, long[]> prices = read();

    @Override
    public List<PriceComponent> dailyRate(InstanceConfiguration configuration, PricingContext context) {
        long[] price = prices.get(context.currency().getCurrencyCode());
        if (price == null) {
            throw new UnpricedException("${optionName} is sold in EUR and USD only.");
        }
        long thousands = (configuration.expectedDevices() + 999) / 1_000;
        String label = String.format(Locale.ROOT, "${optionName} for %,d devices", configuration.expectedDevices());
        return List.of(new PriceComponent(AddOn.OPTION_ID, label, Money.ofMinor(price[0] + price[1] * thousands, context.currency())));
    }

    private static Map<String, long[]> read() {
        Properties list = new Properties();
        try (InputStream in = AddOnPricing.class.getResourceAsStream("/prices.properties")) {
            if (in == null) {
                throw new IllegalStateException("the bundle has no prices.properties");
            }
            list.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("prices.properties cannot be read", e);
        }
        Map<String, long[]> prices = new HashMap<>();
        for (String currency : list.stringPropertyNames()) {
            String[] fees = list.getProperty(currency).trim().split("\\s+");
            if (fees.length != 2 || !fees[0].matches("[0-9]{1,9}") || !fees[1].matches("[0-9]{1,9}")) {
                throw new IllegalStateException("prices.properties: " + currency + " needs two fees in minor units, never negative");
            }
            prices.put(currency, new long[] { Long.parseLong(fees[0]), Long.parseLong(fees[1]) });
        }
        return Map.copyOf(prices);
    }
}
