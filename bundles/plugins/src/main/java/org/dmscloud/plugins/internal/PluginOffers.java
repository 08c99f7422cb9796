package org.dmscloud.plugins.internal;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.api.tenant.TenantNotFoundException;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The catalog and its prices as plugin bundles make them, per tenant: every registered {@link InstancePackage},
 * {@link AddonOption} and {@link PricingPlugin}, tracked as they come and go, read as each tenant's {@link Offer}.
 */
@Component(service = { Catalog.class, Pricing.class })
public class PluginOffers implements Catalog, Pricing {

    private final BundleContext bundleContext;
    private final TenantDirectory tenants;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, InstancePackage>> packages;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, AddonOption>> options;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, PricingPlugin>> pricingPlugins;

    @Activate
    public PluginOffers(BundleContext bundleContext, @Reference TenantDirectory tenants) {
        this.bundleContext = bundleContext;
        this.tenants = tenants;
    }

    /** Wired by hand, as the benchmark does: the plugins' services as DS hands them, each list lowest ranking first. */
    public PluginOffers(TenantDirectory tenants, List<Map.Entry<Map<String, Object>, InstancePackage>> packages,
            List<Map.Entry<Map<String, Object>, AddonOption>> options, List<Map.Entry<Map<String, Object>, PricingPlugin>> pricingPlugins) {
        this(null, tenants);
        this.packages = packages;
        this.options = options;
        this.pricingPlugins = pricingPlugins;
    }

    /** What the tenant sells now. @throws TenantNotFoundException if there is no such tenant */
    Offer offer(TenantId tenant) {
        return Offer.of(tenants.find(tenant).orElseThrow(() -> new TenantNotFoundException(tenant)), packages, options, pricingPlugins,
                bundleContext);
    }

    @Override
    public List<CatalogPackage> packages(TenantId tenant) {
        return offer(tenant).packages();
    }

    @Override
    public List<CatalogOption> options(TenantId tenant) {
        return offer(tenant).options();
    }

    @Override
    public Optional<CatalogPackage> findPackage(TenantId tenant, String packageId) {
        return packages(tenant).stream().filter(p -> p.id().equals(packageId)).findFirst();
    }

    @Override
    public Optional<CatalogOption> findOption(TenantId tenant, String optionId) {
        return options(tenant).stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    @Override
    public DailyRate dailyRate(TenantId tenant, InstanceConfiguration configuration, Currency currency) {
        return offer(tenant).dailyRate(configuration, currency);
    }
}
