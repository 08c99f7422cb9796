package org.dmscloud.plugins.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.InvalidConfigurationException;
import org.dmscloud.api.catalog.ItemNotOnSaleException;
import org.dmscloud.api.catalog.PriceComponent;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.plugins.Contributions;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.catalog.UnpricedException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices a configuration with the plugins registered now: the package's pricing plugin, then each
 * option's, in option id order. Everything a customer can get wrong is an {@link
 * InvalidConfigurationException} naming the field; a plugin that breaks is logged and reported the same way.
 */
@Component(service = Pricing.class)
public class PluginPricing implements Pricing {

    private static final Logger LOG = LoggerFactory.getLogger(PluginPricing.class);

    private final BundleContext bundleContext;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, InstancePackage>> packages;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, AddonOption>> options;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, PricingPlugin>> pricingPlugins;

    @Activate
    public PluginPricing(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Override
    public DailyRate dailyRate(InstanceConfiguration configuration, Currency currency) {
        SortedMap<String, Contributions.Contribution<PricingPlugin>> plugins =
                Contributions.byId(pricingPlugins, PricingPlugin.PRICED_ITEM, bundleContext);
        Contributions.Contribution<InstancePackage> pkg =
                Contributions.byId(packages, InstancePackage.PACKAGE_ID, bundleContext).get(configuration.packageId());
        if (pkg == null || !plugins.containsKey(configuration.packageId())) {
            throw new ItemNotOnSaleException("packageId", configuration.packageId(),
                    "There is no package '" + configuration.packageId() + "' on sale.");
        }
        if (!pkg.service().devices().contains(configuration.expectedDevices())) {
            throw new InvalidConfigurationException("expectedDevices", "The " + pkg.service().name() + " package is for "
                    + pkg.service().devices() + " CPE devices, not " + configuration.expectedDevices() + ".");
        }
        SortedMap<String, Contributions.Contribution<AddonOption>> onSale = Contributions.byId(options, AddonOption.OPTION_ID, bundleContext);
        for (String option : configuration.optionIds()) {
            if (!onSale.containsKey(option) || !plugins.containsKey(option)) {
                throw new ItemNotOnSaleException("optionIds", option, "There is no option '" + option + "' on sale.");
            }
        }
        List<PriceComponent> components = new ArrayList<>(price(plugins.get(configuration.packageId()).service(),
                configuration.packageId(), "packageId", configuration, currency));
        for (String option : configuration.optionIds()) {
            components.addAll(price(plugins.get(option).service(), option, "optionIds", configuration, currency));
        }
        return new DailyRate(currency, components);
    }

    private static List<PriceComponent> price(PricingPlugin plugin, String item, String field, InstanceConfiguration configuration,
            Currency currency) {
        List<PriceComponent> components;
        try {
            components = plugin.dailyRate(configuration, currency);
        } catch (UnpricedException e) {
            throw new InvalidConfigurationException(field, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("The pricing plugin of '{}' failed for {} in {}", item, configuration, currency, e);
            throw new InvalidConfigurationException(field, "'" + item + "' cannot be priced right now.");
        }
        for (PriceComponent component : components) {
            if (!component.amount().currency().equals(currency)) {
                LOG.error("The pricing plugin of '{}' answered {} when asked for {}", item, component.amount(), currency);
                throw new InvalidConfigurationException(field, "'" + item + "' cannot be priced in " + currency.getCurrencyCode() + ".");
            }
        }
        return components;
    }
}
