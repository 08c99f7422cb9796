package org.dmscloud.payments.internal;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.PaymentProviders;
import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.plugins.Contributions;
import org.dmscloud.plugins.Contributions.Contribution;
import org.dmscloud.spi.payment.Availability;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.tenant.TenantScope;
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
 * Every registered {@link PaymentProvider}, tracked as provider bundles come and go. A provider's id names one
 * payment account, the platform's or one tenant's (registered with {@link TenantScope#PROPERTY}): where two
 * services of one scope claim an id, the higher {@code service.ranking} wins; where services of two scopes
 * do, the platform's (or else the first tenant's by id) keeps it and the other is ignored, with a warning, so
 * that a payment confirmed through one account can never settle a top-up taken through another. A tenant's
 * customers pay through its own providers, and through the platform's if its settings allow. A provider that
 * throws where it should answer is reported unavailable rather than taking the list down with it.
 */
@Component(service = { PaymentProviders.class, PaymentProviderRegistry.class })
public class PaymentProviderRegistry implements PaymentProviders {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentProviderRegistry.class);

    private final BundleContext bundleContext;
    private final TenantDirectory tenants;
    private final Set<String> clashesReported = ConcurrentHashMap.newKeySet();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, PaymentProvider>> providers;

    @Activate
    public PaymentProviderRegistry(BundleContext bundleContext, @Reference TenantDirectory tenants) {
        this.bundleContext = bundleContext;
        this.tenants = tenants;
    }

    @Override
    public List<PaymentProviderInfo> providers(TenantId tenant) {
        return forTenant(tenant).stream().map(this::describe).toList();
    }

    @Override
    public List<PaymentProviderInfo> all() {
        return byId().values().stream().map(this::describe).toList();
    }

    @Override
    public Optional<PaymentProviderInfo> find(TenantId tenant, String providerId) {
        return provider(tenant, providerId).map(this::describe);
    }

    @Override
    public Optional<TopUpLimits> limits(TenantId tenant, String providerId, Currency currency) {
        return provider(tenant, providerId).flatMap(c -> {
            try {
                return c.service().limits(currency);
            } catch (RuntimeException e) {
                LOG.warn("Payment provider {} failed to tell its limits", c.id(), e);
                return Optional.empty();
            }
        });
    }

    /** The provider with this id, if the tenant's customers may pay through it. */
    Optional<Contribution<PaymentProvider>> provider(TenantId tenant, String providerId) {
        return forTenant(tenant).stream().filter(c -> c.id().equals(providerId)).findFirst();
    }

    /** The installed provider with this id, whichever tenant it serves: the one its top-ups were taken through. */
    Optional<Contribution<PaymentProvider>> provider(String providerId) {
        return Optional.ofNullable(byId().get(providerId));
    }

    /** The ids of the installed providers whose payment systems can be asked where a payment stands. */
    Set<String> checkable() {
        return byId().values().stream().filter(c -> {
            try {
                return c.service().checksRemotely();
            } catch (RuntimeException e) {
                LOG.warn("Payment provider {} failed to tell whether it can be checked", c.id(), e);
                return false;
            }
        }).map(Contribution::id).collect(Collectors.toSet());
    }

    private List<Contribution<PaymentProvider>> forTenant(TenantId tenant) {
        boolean platformAllowed = tenant.equals(TenantId.DEFAULT)
                || tenants.find(tenant).map(found -> found.settings().platformPayments()).orElse(false);
        return byId().values().stream().filter(c -> c.tenant().map(tenant::equals).orElse(platformAllowed)).toList();
    }

    /** One provider per id, sorted by id. */
    private SortedMap<String, Contribution<PaymentProvider>> byId() {
        SortedMap<String, Contribution<PaymentProvider>> byId = new TreeMap<>();
        for (Contribution<PaymentProvider> provider : Contributions.everyScope(providers, PaymentProvider.PROVIDER_ID,
                tenant -> tenants.find(tenant).map(found -> found.settings().pluginBundles()).orElse(java.util.Set.of()), bundleContext)) {
            Contribution<PaymentProvider> holder = byId.putIfAbsent(provider.id(), provider);
            if (holder != null && clashesReported.add(provider.id() + "/" + provider.tenant())) {
                LOG.warn("Payment provider id '{}' of {} is taken by {}'s: it is ignored; give each payment account its own id",
                        provider.id(), scope(provider), scope(holder));
            }
        }
        return byId;
    }

    private static String scope(Contribution<PaymentProvider> provider) {
        return provider.tenant().map(tenant -> "tenant " + tenant).orElse("the platform");
    }

    /** Whether the provider can take top-ups now; a failing provider cannot. */
    Availability availability(Contribution<PaymentProvider> provider) {
        try {
            return provider.service().availability();
        } catch (RuntimeException e) {
            LOG.warn("Payment provider {} failed to tell its availability", provider.id(), e);
            return Availability.unavailable("the provider failed: " + e);
        }
    }

    /** The name customers know the provider by; its id if it cannot say. */
    String displayName(Contribution<PaymentProvider> provider) {
        try {
            return provider.service().displayName();
        } catch (RuntimeException e) {
            LOG.warn("Payment provider {} failed to tell its name", provider.id(), e);
            return provider.id();
        }
    }

    private PaymentProviderInfo describe(Contribution<PaymentProvider> provider) {
        Availability availability = availability(provider);
        boolean needsBillingDetails;
        try {
            needsBillingDetails = provider.service().needsBillingDetails();
        } catch (RuntimeException e) {
            needsBillingDetails = false;
            availability = Availability.unavailable("the provider failed: " + e);
        }
        return new PaymentProviderInfo(provider.id(), displayName(provider), availability.available(), availability.reason(),
                needsBillingDetails, provider.providedBy(), provider.tenant());
    }
}
