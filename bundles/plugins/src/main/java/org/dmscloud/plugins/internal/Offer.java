package org.dmscloud.plugins.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.plugins.Contributions;
import org.dmscloud.plugins.Contributions.Contribution;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingContext;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.catalog.UnpricedException;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one tenant sells right now: the packages and options it sees (its own, and the platform's its catalog
 * selection takes), and the plugins that price them for it, each item's winner picked once. Prices a
 * configuration: the package's plugin, then each option's in option id order, the platform's plugins'
 * answers adjusted by the tenant's own prices. Everything a customer can get wrong is an {@link
 * InvalidConfigurationException} naming the field; a plugin that breaks is logged and reported the same way.
 */
final class Offer {

    private static final Logger LOG = LoggerFactory.getLogger(Offer.class);

    private final Tenant tenant;
    private final SortedMap<String, Contribution<InstancePackage>> packages;
    private final SortedMap<String, Contribution<AddonOption>> options;
    private final SortedMap<String, Contribution<PricingPlugin>> pricing;

    private Offer(Tenant tenant, SortedMap<String, Contribution<InstancePackage>> packages, SortedMap<String, Contribution<AddonOption>> options,
            SortedMap<String, Contribution<PricingPlugin>> pricing) {
        this.tenant = tenant;
        this.packages = packages;
        this.options = options;
        this.pricing = pricing;
    }

    static Offer of(Tenant tenant, List<Map.Entry<Map<String, Object>, InstancePackage>> packages,
            List<Map.Entry<Map<String, Object>, AddonOption>> options, List<Map.Entry<Map<String, Object>, PricingPlugin>> pricing,
            BundleContext bundleContext) {
        return new Offer(tenant, onSale(tenant, Contributions.forTenant(packages, InstancePackage.PACKAGE_ID, tenant.id(), bundleContext)),
                onSale(tenant, Contributions.forTenant(options, AddonOption.OPTION_ID, tenant.id(), bundleContext)),
                Contributions.forTenant(pricing, PricingPlugin.PRICED_ITEM, tenant.id(), bundleContext));
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

    List<CatalogPackage> packages() {
        return packages.values().stream().map(c -> new CatalogPackage(c.id(), c.service().name(), c.service().description(),
                c.service().devices(), pricing.containsKey(c.id()), c.providedBy(), c.service().deployer())).toList();
    }

    List<CatalogOption> options() {
        return options.values().stream().map(c -> new CatalogOption(c.id(), c.service().name(), c.service().description(),
                pricing.containsKey(c.id()), c.providedBy())).toList();
    }

    DailyRate dailyRate(InstanceConfiguration configuration, Currency currency) {
        Contribution<InstancePackage> pkg = packages.get(configuration.packageId());
        if (pkg == null || !pricing.containsKey(configuration.packageId())) {
            throw new ItemNotOnSaleException("packageId", configuration.packageId(),
                    "There is no package '" + configuration.packageId() + "' on sale.");
        }
        if (!pkg.service().devices().contains(configuration.expectedDevices())) {
            throw new InvalidConfigurationException("expectedDevices", "The " + pkg.service().name() + " package is for "
                    + pkg.service().devices() + " CPE devices, not " + configuration.expectedDevices() + ".");
        }
        for (String option : configuration.optionIds()) {
            if (!options.containsKey(option) || !pricing.containsKey(option)) {
                throw new ItemNotOnSaleException("optionIds", option, "There is no option '" + option + "' on sale.");
            }
        }
        PricingContext context = PricingContext.of(tenant.id(), currency);
        List<PriceComponent> components = new ArrayList<>(price(configuration.packageId(), pkg.service().name() + " package", "packageId",
                configuration, context));
        for (String option : configuration.optionIds()) {
            components.addAll(price(option, options.get(option).service().name(), "optionIds", configuration, context));
        }
        return new DailyRate(currency, components);
    }

    private List<PriceComponent> price(String item, String label, String field, InstanceConfiguration configuration, PricingContext context) {
        Contribution<PricingPlugin> plugin = pricing.get(item);
        List<PriceComponent> components;
        try {
            components = plugin.service().dailyRate(configuration, context);
        } catch (UnpricedException e) {
            throw new InvalidConfigurationException(field, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("The pricing plugin of '{}' from bundle {} failed for {} in {} for tenant {}", item, plugin.providedBy(), configuration,
                    context.currency(), tenant.id(), e);
            throw new InvalidConfigurationException(field, "'" + item + "' cannot be priced right now.");
        }
        for (PriceComponent component : components) {
            if (component == null || !component.amount().currency().equals(context.currency())) {
                LOG.error("The pricing plugin of '{}' from bundle {} answered {} when asked for {}", item, plugin.providedBy(), component,
                        context.currency());
                throw new InvalidConfigurationException(field, "'" + item + "' cannot be priced in " + context.currency().getCurrencyCode() + ".");
            }
        }
        // A tenant's own plugin is its price; the platform's is adjusted as the tenant's settings say.
        return plugin.isPlatformWide() ? TenantPrices.adjust(tenant.settings().prices(), item, label, components, context.currency())
                : components;
    }
}
