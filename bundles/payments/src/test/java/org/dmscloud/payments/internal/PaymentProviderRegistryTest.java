package org.dmscloud.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.spi.payment.Availability;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.TopUpOutcome;
import org.dmscloud.spi.payment.TopUpRequest;
import org.dmscloud.spi.payment.TopUpStart;
import org.junit.jupiter.api.Test;

class PaymentProviderRegistryTest {

    private final PaymentProviderRegistry registry = new PaymentProviderRegistry(null);

    @Test
    void listsProvidersWithTheirAvailability() {
        registry.providers = List.of(
                entry("stripe", provider("Card (Stripe)", Availability.unavailable("no API key in etc/org.dmscloud.payment.stripe.cfg"))),
                entry("bank-transfer", provider("Bank transfer", Availability.AVAILABLE)));

        assertThat(registry.providers()).containsExactly(
                new PaymentProviderInfo("bank-transfer", "Bank transfer", true, "", false, "unknown"),
                new PaymentProviderInfo("stripe", "Card (Stripe)", false, "no API key in etc/org.dmscloud.payment.stripe.cfg", false,
                        "unknown"));
        assertThat(registry.find("stripe")).get().extracting(PaymentProviderInfo::available).isEqualTo(false);
        assertThat(registry.find("paypal")).isEmpty();
    }

    @Test
    void aBrokenProviderIsListedAsUnavailable() {
        registry.providers = List.of(entry("broken", provider("Broken", null)));

        PaymentProviderInfo broken = registry.find("broken").orElseThrow();
        assertThat(broken.available()).isFalse();
        assertThat(broken.unavailableReason()).startsWith("the provider failed: ");
    }

    @Test
    void noProvidersMeansAnEmptyList() {
        assertThat(registry.providers()).isEmpty();
    }

    private static Map.Entry<Map<String, Object>, PaymentProvider> entry(String id, PaymentProvider provider) {
        return Map.entry(Map.of(PaymentProvider.PROVIDER_ID, id), provider);
    }

    /** A provider that answers the given availability, or fails when it is null. */
    private static PaymentProvider provider(String displayName, Availability availability) {
        return new PaymentProvider() {
            @Override
            public String id() {
                return displayName;
            }

            @Override
            public String displayName() {
                return displayName;
            }

            @Override
            public Availability availability() {
                if (availability == null) {
                    throw new IllegalStateException("plugin bug");
                }
                return availability;
            }

            @Override
            public TopUpStart start(TopUpRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TopUpOutcome check(String providerReference) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TopUpOutcome cancel(String providerReference) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<TopUpLimits> limits(Currency currency) {
                return Optional.empty();
            }

            @Override
            public boolean needsBillingDetails() {
                return false;
            }
        };
    }
}
