package org.dmscloud.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.dmscloud.api.catalog.DeviceRange;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.plugin.ByIdentity;
import org.dmscloud.plugins.Contributions.Contribution;
import org.dmscloud.api.plugin.PluginCallException;
import org.dmscloud.api.plugin.PluginCalls;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.catalog.UnpricedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call the catalog makes into packages, options and pricing plugins, each bounded ({@link PluginCalls}) and its
 * answer checked before anyone relies on it: a description has a name and a range, a price has at least one line, only
 * of its own item, in the currency asked for, within the platform's limit. What a plugin gets wrong is its failure, a
 * {@link PricingUnavailableException} naming the item, logged for the operators; never a customer's validation error,
 * never a withdrawn item (which would bill an instance its last rate, R12) and never a 500.
 * <p>
 * An item's description is read once per registered service (plugins describe their items statically) and kept;
 * a failed read is tried again at the next use.
 */
final class GuardedPlugins {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedPlugins.class);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}|\\p{Cf}");
    private static final int MAX_NAME = 100;
    private static final int MAX_DESCRIPTION = 2_000;

    /** What the catalog shows of a package or option, read from its service and checked. */
    record Description(String name, String description, DeviceRange devices, String deployer) {
    }

    private final PluginCalls calls;
    private final long maxDailyRateMinorPerMajor;
    private final Map<ByIdentity<Object>, Description> descriptions = new ConcurrentHashMap<>();
    private final Map<String, String> lastFailures = new ConcurrentHashMap<>();
    private final java.time.Clock clock;

    /**
     * @param maxItemDailyRate the most one item may cost a day, in major units of any currency: an answer above it is a
     *                         plugin's error (a misplaced decimal point), not a price to charge
     */
    GuardedPlugins(PluginCalls calls, long maxItemDailyRate, java.time.Clock clock) {
        this.calls = calls;
        this.maxDailyRateMinorPerMajor = maxItemDailyRate;
        this.clock = clock;
    }

    /** Each plugin bundle's latest failure, by symbolic name, for the operators' report. */
    Map<String, String> lastFailures() {
        return Map.copyOf(lastFailures);
    }

    private void failed(String bundle, String what) {
        lastFailures.put(bundle, what + " (at " + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
    }

    /** @throws PricingUnavailableException if the package's plugin fails to describe it */
    Description describe(Contribution<InstancePackage> pkg) {
        InstancePackage plugin = pkg.service();
        return described(pkg, () -> checked(pkg, call(pkg, "the description of package '" + pkg.id() + "'",
                () -> new Description(plugin.name(), plugin.description(), plugin.devices(), plugin.deployer())), true));
    }

    /** @throws PricingUnavailableException if the option's plugin fails to describe it */
    Description describeOption(Contribution<AddonOption> option) {
        AddonOption plugin = option.service();
        return described(option, () -> checked(option, call(option, "the description of option '" + option.id() + "'",
                () -> new Description(plugin.name(), plugin.description(), null, null)), false));
    }

    /** Read outside any lock of the map, which a plugin taking its time would hold for everyone. */
    private Description described(Contribution<?> item, java.util.function.Supplier<Description> read) {
        ByIdentity<Object> key = new ByIdentity<>(item.service());
        Description known = descriptions.get(key);
        if (known != null) {
            return known;
        }
        Description fresh = read.get();
        descriptions.putIfAbsent(key, fresh);
        return fresh;
    }

    /** Forgets the descriptions of services no longer registered, so that an updated bundle is read anew. */
    void keepOnly(List<?> services) {
        if (descriptions.size() > services.size()) {
            descriptions.keySet().removeIf(key -> services.stream().noneMatch(live -> live == key.service()));
        }
    }

    /**
     * The item's price lines for this configuration, as its plugin answers them and checked.
     *
     * @throws InvalidConfigurationException if the plugin says it cannot price this configuration ({@link UnpricedException}):
     *         the customer's to change
     * @throws PricingUnavailableException   if the plugin failed
     */
    List<PriceComponent> price(Contribution<PricingPlugin> plugin, String field, InstanceConfiguration configuration, PricingContext context) {
        List<PriceComponent> answer;
        try {
            answer = calls.call(plugin.providedBy(), "the price of '" + plugin.id() + "'",
                    () -> plugin.service().dailyRate(configuration, context));
        } catch (PluginCallException e) {
            if (e.getCause() instanceof UnpricedException refused) {
                throw new InvalidConfigurationException(field, String.valueOf(refused.getMessage()));
            }
            LOG.error("The pricing plugin of '{}' from bundle {} failed for {} in {} for tenant {}: {}", plugin.id(), plugin.providedBy(),
                    configuration, context.currency(), context.tenant(), e.getMessage(), e.getCause());
            failed(plugin.providedBy(), e.getMessage());
            throw new PricingUnavailableException(plugin.id(), e);
        }
        String wrong = wrongAbout(plugin.id(), answer, context);
        if (wrong != null) {
            LOG.error("The pricing plugin of '{}' from bundle {} answered {} for {} in {}: {}", plugin.id(), plugin.providedBy(), answer,
                    configuration, context.currency(), wrong);
            failed(plugin.providedBy(), "the price of '" + plugin.id() + "' was " + wrong);
            throw new PricingUnavailableException(plugin.id(), null);
        }
        return List.copyOf(answer);
    }

    /** What is wrong with a price answer, or null if nothing. */
    private String wrongAbout(String item, List<PriceComponent> answer, PricingContext context) {
        if (answer == null || answer.isEmpty()) {
            return "no price line (a free item answers a line of 0)";
        }
        long limit;
        try {
            limit = Math.multiplyExact(maxDailyRateMinorPerMajor, (long) Math.pow(10, Math.max(0, context.currency().getDefaultFractionDigits())));
        } catch (ArithmeticException e) {
            limit = Long.MAX_VALUE;
        }
        for (PriceComponent line : answer) {
            if (line == null) {
                return "a line that is null";
            }
            if (!line.item().equals(item)) {
                return "a line for '" + line.item() + "', another item";
            }
            if (!line.amount().currency().equals(context.currency())) {
                return "a line in " + line.amount().currencyCode() + " when asked for " + context.currency().getCurrencyCode();
            }
            if (line.amount().minorUnits() > limit) {
                return "a line above the limit of " + maxDailyRateMinorPerMajor + " a day";
            }
            String label = text(line.label(), MAX_NAME);
            if (label != null) {
                return "a label that is " + label;
            }
        }
        return null;
    }

    private <T> T call(Contribution<?> item, String what, java.util.concurrent.Callable<T> call) {
        try {
            return calls.call(item.providedBy(), what, call);
        } catch (PluginCallException e) {
            LOG.error("The plugin bundle {} failed to give {}: {}", item.providedBy(), what, e.getMessage(), e.getCause());
            failed(item.providedBy(), e.getMessage());
            throw new PricingUnavailableException(item.id(), e);
        }
    }

    private Description checked(Contribution<?> item, Description read, boolean isPackage) {
        String wrong = text(read.name(), MAX_NAME) != null ? "a name that is " + text(read.name(), MAX_NAME)
                : read.description() == null || read.description().length() > MAX_DESCRIPTION ? "a description that is missing or too long"
                : isPackage && read.devices() == null ? "no device range"
                : isPackage && (read.deployer() == null || read.deployer().isBlank()) ? "no deployer"
                : null;
        if (wrong != null) {
            LOG.error("The plugin bundle {} describes '{}' ({}) with {}: it is not sold until its bundle is fixed", item.providedBy(), item.id(),
                    item.service().getClass().getName(), wrong);
            failed(item.providedBy(), "'" + item.id() + "' is described with " + wrong);
            throw new PricingUnavailableException(item.id(), null);
        }
        return read;
    }

    /** What is wrong with a text shown to customers, or null if nothing. */
    private static String text(String text, int max) {
        if (text == null || text.isBlank()) {
            return "empty";
        }
        if (text.length() > max) {
            return "longer than " + max + " characters";
        }
        return CONTROL.matcher(text).find() ? "holding control characters" : null;
    }
}
