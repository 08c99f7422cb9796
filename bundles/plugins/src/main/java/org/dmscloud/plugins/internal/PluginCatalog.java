package org.dmscloud.plugins.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.plugins.Contributions;
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
 * The catalog as plugin bundles make it: every registered {@link InstancePackage}, {@link AddonOption}
 * and {@link PricingPlugin}, tracked as they come and go. Where two services claim one id, the higher
 * {@code service.ranking} wins.
 */
@Component(service = Catalog.class)
public class PluginCatalog implements Catalog {

    private final BundleContext bundleContext;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, InstancePackage>> packages;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, AddonOption>> options;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, PricingPlugin>> pricingPlugins;

    @Activate
    public PluginCatalog(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Override
    public List<CatalogPackage> packages() {
        Set<String> priced = pricedItems();
        return Contributions.byId(packages, InstancePackage.PACKAGE_ID, bundleContext).values().stream()
                .map(c -> new CatalogPackage(c.id(), c.service().name(), c.service().description(), c.service().devices(),
                        priced.contains(c.id()), c.providedBy()))
                .toList();
    }

    @Override
    public List<CatalogOption> options() {
        Set<String> priced = pricedItems();
        return Contributions.byId(options, AddonOption.OPTION_ID, bundleContext).values().stream()
                .map(c -> new CatalogOption(c.id(), c.service().name(), c.service().description(), priced.contains(c.id()),
                        c.providedBy()))
                .toList();
    }

    @Override
    public Optional<CatalogPackage> findPackage(String packageId) {
        return packages().stream().filter(p -> p.id().equals(packageId)).findFirst();
    }

    @Override
    public Optional<CatalogOption> findOption(String optionId) {
        return options().stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    private Set<String> pricedItems() {
        return Contributions.byId(pricingPlugins, PricingPlugin.PRICED_ITEM, bundleContext).keySet();
    }
}
