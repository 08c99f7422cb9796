package org.dmscloud.plugins.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.PaymentProviders;
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
 * one id, the higher {@code service.ranking} wins.
 */
@Component(service = PaymentProviders.class)
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
        return Contributions.byId(providers, PaymentProvider.PROVIDER_ID, bundleContext).values().stream()
                .map(c -> describe(c.id(), c.service(), c.providedBy()))
                .toList();
    }

    @Override
    public Optional<PaymentProviderInfo> find(String providerId) {
        return providers().stream().filter(p -> p.id().equals(providerId)).findFirst();
    }

    private static PaymentProviderInfo describe(String id, PaymentProvider provider, String providedBy) {
        String displayName;
        Availability availability;
        try {
            displayName = provider.displayName();
            availability = provider.availability();
        } catch (RuntimeException e) {
            // A broken plugin must not take the provider list down with it.
            LOG.warn("Payment provider {} failed to describe itself", id, e);
            displayName = id;
            availability = Availability.unavailable("the provider failed: " + e);
        }
        return new PaymentProviderInfo(id, displayName, availability.available(), availability.reason(), providedBy);
    }
}
