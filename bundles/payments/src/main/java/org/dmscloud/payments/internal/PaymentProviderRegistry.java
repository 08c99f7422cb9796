package org.dmscloud.payments.internal;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.PaymentProviders;
import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.plugins.Contributions;
import org.dmscloud.plugins.Contributions.Contribution;
import org.dmscloud.spi.payment.Availability;
import org.dmscloud.spi.payment.PaymentProvider;
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
 * Every registered {@link PaymentProvider}, tracked as provider bundles come and go. Where two claim
 * one id, the higher {@code service.ranking} wins. A provider that throws where it should answer is
 * reported unavailable rather than taking the list down with it.
 */
@Component(service = { PaymentProviders.class, PaymentProviderRegistry.class })
public class PaymentProviderRegistry implements PaymentProviders {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentProviderRegistry.class);

    private final BundleContext bundleContext;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, PaymentProvider>> providers;

    @Activate
    public PaymentProviderRegistry(BundleContext bundleContext) {
        this.bundleContext = bundleContext;
    }

    @Override
    public List<PaymentProviderInfo> providers() {
        return Contributions.byId(providers, PaymentProvider.PROVIDER_ID, bundleContext).values().stream().map(this::describe).toList();
    }

    @Override
    public Optional<PaymentProviderInfo> find(String providerId) {
        return provider(providerId).map(this::describe);
    }

    @Override
    public Optional<TopUpLimits> limits(String providerId, Currency currency) {
        return provider(providerId).flatMap(c -> {
            try {
                return c.service().limits(currency);
            } catch (RuntimeException e) {
                LOG.warn("Payment provider {} failed to tell its limits", c.id(), e);
                return Optional.empty();
            }
        });
    }

    /** The installed provider with this id, for the host's own use. */
    Optional<Contribution<PaymentProvider>> provider(String providerId) {
        return Optional.ofNullable(Contributions.byId(providers, PaymentProvider.PROVIDER_ID, bundleContext).get(providerId));
    }

    /** The ids of the installed providers whose payment systems can be asked where a payment stands. */
    Set<String> checkable() {
        return Contributions.byId(providers, PaymentProvider.PROVIDER_ID, bundleContext).values().stream().filter(c -> {
            try {
                return c.service().checksRemotely();
            } catch (RuntimeException e) {
                LOG.warn("Payment provider {} failed to tell whether it can be checked", c.id(), e);
                return false;
            }
        }).map(Contribution::id).collect(Collectors.toSet());
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
                needsBillingDetails, provider.providedBy());
    }
}
