package org.dmscloud.catalog.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.catalog.PricingUnavailableException;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.plugins.Contributions;
import org.dmscloud.plugins.Contributions.Contribution;
import org.dmscloud.catalog.internal.GuardedPlugins.Description;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.osgi.framework.BundleContext;

/**
 * What one tenant sells right now: the packages and options it sees (its own, and the platform's its catalog
 * selection takes), and the plugins that price them for it, each item's winner picked once. Prices a
 * configuration: the package's plugin, then each option's in option id order, the platform's plugins'
 * answers adjusted by the tenant's own prices. Everything a customer can get wrong is an {@link
 * InvalidConfigurationException} naming the field; a plugin that breaks is the plugin's failure, a {@link
 * PricingUnavailableException} naming the item ({@link GuardedPlugins}).
 */
final class Offer {

    private final Tenant tenant;
    private final GuardedPlugins plugins;
    private final SortedMap<String, Contribution<InstancePackage>> packages;
    private final SortedMap<String, Contribution<AddonOption>> options;
    private final SortedMap<String, Contribution<PricingPlugin>> pricing;

    private Offer(Tenant tenant, GuardedPlugins plugins, SortedMap<String, Contribution<InstancePackage>> packages,
            SortedMap<String, Contribution<AddonOption>> options, SortedMap<String, Contribution<PricingPlugin>> pricing) {
        this.tenant = tenant;
        this.plugins = plugins;
        this.packages = packages;
        this.options = options;
        this.pricing = pricing;
    }

    static Offer of(Tenant tenant, GuardedPlugins plugins, List<Map.Entry<Map<String, Object>, InstancePackage>> packages,
            List<Map.Entry<Map<String, Object>, AddonOption>> options, List<Map.Entry<Map<String, Object>, PricingPlugin>> pricing,
            BundleContext bundleContext) {
        Set<String> bound = tenant.settings().pluginBundles();
        return new Offer(tenant, plugins, onSale(tenant, Contributions.forTenant(packages, InstancePackage.PACKAGE_ID, tenant.id(), bound, bundleContext)),
                onSale(tenant, Contributions.forTenant(options, AddonOption.OPTION_ID, tenant.id(), bound, bundleContext)),
                Contributions.forTenant(pricing, PricingPlugin.PRICED_ITEM, tenant.id(), bound, bundleContext));
    }

    /** A tenant's own items are always on sale to it; the platform's as far as its catalog selection takes them. */
    private static <S> SortedMap<String, Contribution<S>> onSale(Tenant tenant, SortedMap<String, Contribution<S>> seen) {
        SortedMap<String, Contribution<S>> sold = new TreeMap<>();
        seen.forEach((id, item) -> {
            if (!item.isPlatformWide() || tenant.settings().catalog().includes(id)) {
                sold.put(id, item);
            }
        });
        return sold;
    }

    /** The packages on sale; one whose plugin fails to describe it is left out (and logged) until it does. */
    List<CatalogPackage> packages() {
        List<CatalogPackage> listed = new ArrayList<>();
        for (Contribution<InstancePackage> c : packages.values()) {
            try {
                Description d = plugins.describe(c);
                listed.add(new CatalogPackage(c.id(), d.name(), d.description(), d.devices(), pricing.containsKey(c.id()), c.providedBy(),
                        d.deployer()));
            } catch (PricingUnavailableException broken) {
                // Logged where the plugin failed; the rest of the catalog is still sold.
            }
        }
        return listed;
    }

    /** The options on sale; one whose plugin fails to describe it is left out (and logged) until it does. */
    List<CatalogOption> options() {
        List<CatalogOption> listed = new ArrayList<>();
        for (Contribution<AddonOption> c : options.values()) {
            try {
                Description d = plugins.describeOption(c);
                listed.add(new CatalogOption(c.id(), d.name(), d.description(), pricing.containsKey(c.id()), c.providedBy()));
            } catch (PricingUnavailableException broken) {
                // Logged where the plugin failed; the rest of the catalog is still sold.
            }
        }
        return listed;
    }

    Optional<String> pricedBy(String item) {
        return Optional.ofNullable(pricing.get(item)).map(Contribution::providedBy);
    }

    DailyRate dailyRate(InstanceConfiguration configuration, Currency currency) {
        Contribution<InstancePackage> pkg = packages.get(configuration.packageId());
        if (pkg == null || !pricing.containsKey(configuration.packageId())) {
            throw new ItemNotOnSaleException("packageId", configuration.packageId(),
                    "There is no package '" + configuration.packageId() + "' on sale.");
        }
        for (String option : configuration.optionIds()) {
            if (!options.containsKey(option) || !pricing.containsKey(option)) {
                throw new ItemNotOnSaleException("optionIds", option, "There is no option '" + option + "' on sale.");
            }
        }
        Description described = plugins.describe(pkg);
        if (!described.devices().contains(configuration.expectedDevices())) {
            throw new InvalidConfigurationException("expectedDevices", String.format(java.util.Locale.ROOT,
                    "The %s package is for %,d to %,d CPE devices, not %,d.", described.name(), described.devices().min(), described.devices().max(),
                    configuration.expectedDevices()));
        }
        PricingContext context = PricingContext.of(tenant.id(), currency);
        List<PriceComponent> components = new ArrayList<>(price(configuration.packageId(), described.name() + " package", "packageId",
                configuration, context));
        for (String option : configuration.optionIds()) {
            components.addAll(price(option, plugins.describeOption(options.get(option)).name(), "optionIds", configuration, context));
        }
        Set<String> own = new java.util.TreeSet<>();
        if (!pkg.isPlatformWide()) {
            own.add(configuration.packageId());
        }
        configuration.optionIds().stream().filter(option -> !options.get(option).isPlatformWide()).forEach(own::add);
        return new DailyRate(currency, components, own);
    }

    private List<PriceComponent> price(String item, String label, String field, InstanceConfiguration configuration, PricingContext context) {
        Contribution<PricingPlugin> plugin = pricing.get(item);
        List<PriceComponent> components = plugins.price(plugin, field, configuration, context);
        // A tenant's own plugin is its price; the platform's is adjusted as the tenant's settings say.
        return plugin.isPlatformWide() ? TenantPrices.adjust(tenant.settings().prices(), item, label, components, context.currency())
                : components;
    }
}
