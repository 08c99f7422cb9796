package org.dmscloud.catalog.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.Catalog;
import org.dmscloud.api.catalog.CatalogOption;
import org.dmscloud.api.catalog.CatalogPackage;
import org.dmscloud.api.catalog.DailyRate;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.catalog.PluginReport;
import org.dmscloud.api.catalog.Pricing;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.api.tenant.TenantNotFoundException;
import org.dmscloud.api.plugin.PluginCalls;
import org.dmscloud.spi.catalog.AddonOption;
import org.dmscloud.spi.catalog.InstancePackage;
import org.dmscloud.spi.catalog.PricingPlugin;
import org.dmscloud.spi.tenant.TenantScope;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog and its prices as plugin bundles make them, per tenant: every registered {@link InstancePackage},
 * {@link AddonOption} and {@link PricingPlugin}, tracked as they come and go, read as each tenant's {@link Offer}.
 */
@Component(service = { Catalog.class, Pricing.class, PluginReport.class }, configurationPid = PluginCallsConfiguration.PID)
@Designate(ocd = PluginCallsConfiguration.class)
public class PluginOffers implements Catalog, Pricing, PluginReport {

    private static final Logger LOG = LoggerFactory.getLogger(PluginOffers.class);
    /** The catalog's plugin services, whose arrival and departure the report is made again for. */
    private static final String PLUGIN_SERVICES = "(|(objectClass=" + InstancePackage.class.getName() + ")(objectClass="
            + AddonOption.class.getName() + ")(objectClass=" + PricingPlugin.class.getName() + "))";

    private final BundleContext bundleContext;
    private final TenantDirectory tenants;
    private final PluginCalls calls;
    private final GuardedPlugins plugins;
    /** The problems the log has told, so that each is told once. */
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private final ServiceListener reportOnChange = event -> tellNewProblems();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, InstancePackage>> packages;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, AddonOption>> options;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, PricingPlugin>> pricingPlugins;

    @Activate
    public PluginOffers(BundleContext bundleContext, @Reference TenantDirectory tenants, @Reference Clock clock,
            PluginCallsConfiguration configuration) {
        this(bundleContext, tenants, clock, new PluginCalls("catalog", Duration.ofMillis(Math.max(1, configuration.callTimeoutMillis())),
                Math.max(1, configuration.callsPerPlugin()), Math.max(1, configuration.maxThreads())), configuration.maxItemDailyRate());
        try {
            bundleContext.addServiceListener(reportOnChange, PLUGIN_SERVICES);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tellNewProblems();
    }

    PluginOffers(BundleContext bundleContext, TenantDirectory tenants, Clock clock, PluginCalls calls, long maxItemDailyRate) {
        this.bundleContext = bundleContext;
        this.tenants = tenants;
        this.calls = calls;
        this.plugins = new GuardedPlugins(calls, Math.max(0, maxItemDailyRate), clock);
    }

    /**
     * Wired by hand, as the benchmark does: the plugins' services as DS hands them, each list lowest ranking first, with
     * the plugin calls bounded as {@link PluginCallsConfiguration}'s defaults say.
     */
    public PluginOffers(TenantDirectory tenants, List<Map.Entry<Map<String, Object>, InstancePackage>> packages,
            List<Map.Entry<Map<String, Object>, AddonOption>> options, List<Map.Entry<Map<String, Object>, PricingPlugin>> pricingPlugins) {
        this(null, tenants, Clock.systemUTC(), new PluginCalls("catalog", Duration.ofSeconds(2), 8, 64), 100_000);
        this.packages = packages;
        this.options = options;
        this.pricingPlugins = pricingPlugins;
    }

    @Deactivate
    void stop() {
        if (bundleContext != null) {
            bundleContext.removeServiceListener(reportOnChange);
        }
        calls.close();
    }

    @Override
    public List<PluginBundle> plugins() {
        if (bundleContext == null) {
            return List.of();
        }
        List<PluginBundles.Registered> registered = new ArrayList<>();
        registered(InstancePackage.class, InstancePackage.PACKAGE_ID, PluginBundles.Kind.PACKAGE, registered);
        registered(AddonOption.class, AddonOption.OPTION_ID, PluginBundles.Kind.OPTION, registered);
        registered(PricingPlugin.class, PricingPlugin.PRICED_ITEM, PluginBundles.Kind.PRICING, registered);
        List<PluginBundles.Installed> installed = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            installed.add(new PluginBundles.Installed(bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()), bundle.getVersion().toString(),
                    state(bundle.getState())));
        }
        return PluginBundles.report(registered, installed, tenants.list(), plugins.lastFailures());
    }

    private void registered(Class<?> type, String idProperty, PluginBundles.Kind kind, List<PluginBundles.Registered> into) {
        try {
            ServiceReference<?>[] references = bundleContext.getAllServiceReferences(type.getName(), null);
            for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                Object tenant = reference.getProperty(TenantScope.PROPERTY);
                into.add(new PluginBundles.Registered(kind, String.valueOf(reference.getProperty(idProperty)),
                        Optional.ofNullable(tenant).map(String::valueOf), String.valueOf(reference.getBundle().getSymbolicName()),
                        reference.getBundle().getBundleId()));
            }
        } catch (InvalidSyntaxException | IllegalStateException | NullPointerException gone) {
            // A service unregistered while it was read is no longer the report's.
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "Active";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.INSTALLED -> "Installed";
            case Bundle.STARTING -> "Starting";
            case Bundle.STOPPING -> "Stopping";
            default -> "Uninstalled";
        };
    }

    /** Logs the problems of the plugins that the log has not told yet: when a plugin arrives or goes, and at start. */
    private void tellNewProblems() {
        try {
            PluginBundles.news(plugins(), told).forEach(problem -> LOG.warn("{} (dms:plugin-list)", problem));
        } catch (RuntimeException e) {
            LOG.warn("The plugins' problems could not be listed: {}", e.toString());
        }
    }

    /** What the tenant sells now. @throws TenantNotFoundException if there is no such tenant */
    Offer offer(TenantId tenant) {
        Tenant found = tenants.find(tenant).orElseThrow(() -> new TenantNotFoundException(tenant));
        List<Map.Entry<Map<String, Object>, InstancePackage>> packagesNow = packages;
        List<Map.Entry<Map<String, Object>, AddonOption>> optionsNow = options;
        List<Object> live = new ArrayList<>();
        (packagesNow == null ? List.<Map.Entry<Map<String, Object>, InstancePackage>>of() : packagesNow).forEach(e -> live.add(e.getValue()));
        (optionsNow == null ? List.<Map.Entry<Map<String, Object>, AddonOption>>of() : optionsNow).forEach(e -> live.add(e.getValue()));
        plugins.keepOnly(live);
        return Offer.of(found, plugins, packagesNow, optionsNow, pricingPlugins, bundleContext);
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
    public Optional<String> pricedBy(TenantId tenant, String itemId) {
        return offer(tenant).pricedBy(itemId);
    }

    @Override
    public DailyRate dailyRate(TenantId tenant, InstanceConfiguration configuration, Currency currency) {
        return offer(tenant).dailyRate(configuration, currency);
    }
}
