package org.dmscloud.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.payment.PaymentProviderInfo;
import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.spi.payment.Availability;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.TopUpOutcome;
import org.dmscloud.spi.payment.TopUpRequest;
import org.dmscloud.spi.payment.TopUpStart;
import org.dmscloud.spi.tenant.TenantScope;
import org.dmscloud.tenants.internal.TenantBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaymentProviderRegistryTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId RIVAL = new TenantId("rival");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final TestDatabases.OpenStore database = TestDatabases.open(TestDatabases.h2(), TestDatabases.TENANTS, TestDatabases.BILLING, TestDatabases.PAYMENTS);
    private final TenantBook tenants = new TenantBook(database.store(), clock, Currency.getInstance("EUR"));
    private final PaymentProviderRegistry registry = new PaymentProviderRegistry(null, tenants);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void listsProvidersWithTheirAvailability() {
        registry.providers = List.of(
                entry("stripe", provider("Card (Stripe)", Availability.unavailable("no API key in etc/org.dmscloud.payment.stripe.cfg"))),
                entry("bank-transfer", provider("Bank transfer", Availability.AVAILABLE)));

        assertThat(registry.providers(TenantId.DEFAULT)).containsExactly(
                new PaymentProviderInfo("bank-transfer", "Bank transfer", true, "", false, "unknown", Optional.empty()),
                new PaymentProviderInfo("stripe", "Card (Stripe)", false, "no API key in etc/org.dmscloud.payment.stripe.cfg", false,
                        "unknown", Optional.empty()));
        assertThat(registry.find(TenantId.DEFAULT, "stripe")).get().extracting(PaymentProviderInfo::available).isEqualTo(false);
        assertThat(registry.find(TenantId.DEFAULT, "paypal")).isEmpty();
    }

    @Test
    void aBrokenProviderIsListedAsUnavailable() {
        registry.providers = List.of(entry("broken", provider("Broken", null)));

        PaymentProviderInfo broken = registry.find(TenantId.DEFAULT, "broken").orElseThrow();
        assertThat(broken.available()).isFalse();
        assertThat(broken.unavailableReason()).startsWith("the provider failed: ");
    }

    @Test
    void theOperatorsAreToldWhileThePlatformsCustomersHaveNoWayToPay() {
        PaymentSetupAttention attention = new PaymentSetupAttention(registry, clock);
        registry.providers = List.of(entry("stripe", provider("Card (Stripe)", Availability.unavailable("no API key"))));

        assertThat(attention.attention()).singleElement().asString().startsWith("payments: the platform's customers have no way to pay");

        registry.providers = List.of(entry("stripe", provider("Card (Stripe)", Availability.AVAILABLE)));
        clock.advance(java.time.Duration.ofSeconds(31));
        assertThat(attention.attention()).isEmpty();
    }

    @Test
    void noProvidersMeansAnEmptyList() {
        assertThat(registry.providers(TenantId.DEFAULT)).isEmpty();
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void aTenantPaysThroughItsOwnProvidersAndThePlatformsOnlyIfItsSettingsAllow() {
        reseller(ACME, false);
        reseller(RIVAL, true);
        registry.providers = List.of(entry("stripe", provider("Card (Stripe)", Availability.AVAILABLE)),
                entry("stripe-acme", ACME, provider("Card (Stripe)", Availability.AVAILABLE)),
                entry("bank-transfer-rival", RIVAL, provider("Bank transfer", Availability.AVAILABLE)));

        assertThat(registry.providers(TenantId.DEFAULT)).extracting(PaymentProviderInfo::id).containsExactly("stripe");
        assertThat(registry.providers(ACME)).extracting(PaymentProviderInfo::id).containsExactly("stripe-acme");
        assertThat(registry.providers(RIVAL)).extracting(PaymentProviderInfo::id).containsExactly("bank-transfer-rival", "stripe");
        assertThat(registry.find(RIVAL, "stripe-acme")).as("another tenant's payment account").isEmpty();
        assertThat(registry.find(ACME, "stripe")).as("the platform's, which Acme may not use").isEmpty();
        assertThat(registry.limits(ACME, "stripe", Currency.getInstance("EUR"))).isEmpty();
        assertThat(registry.all()).extracting(info -> info.id() + "@" + info.tenant().map(TenantId::value).orElse("platform"))
                .containsExactly("bank-transfer-rival@rival", "stripe@platform", "stripe-acme@acme");
        assertThat(registry.provider("stripe-acme")).get().extracting(c -> c.tenant()).isEqualTo(Optional.of(ACME));
    }

    @Test
    void aProviderInATenantsScopeFromABundleNotBoundToItIsIgnored() {
        tenants.create(ACME, new TenantSettings("acme", List.of("acme.dms.example"), Optional.of(new Brand("Acme DMS", "support@acme.example",
                "noreply@acme.example", "https://acme.dms.example")), Currency.getInstance("EUR"), CatalogSelection.EVERYTHING,
                PriceAdjustment.NONE, false, java.util.Set.of("org.example.acme-payments")), "operator");
        registry.providers = List.of(entry("stripe-acme", ACME, provider("Someone's card", Availability.AVAILABLE)));

        assertThat(registry.providers(ACME)).isEmpty();
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void anIdNamesOnePaymentAccountSoATenantsProviderWithTheIdOfAnothersIsIgnored() {
        reseller(ACME, true);
        PaymentProvider platforms = provider("Card (Stripe)", Availability.AVAILABLE);
        registry.providers = List.of(entry("stripe", ACME, provider("Acme's card", Availability.AVAILABLE)), entry("stripe", platforms));

        assertThat(registry.providers(ACME)).singleElement().satisfies(info -> {
            assertThat(info.displayName()).isEqualTo("Card (Stripe)");
            assertThat(info.tenant()).isEmpty();
        });
        assertThat(registry.provider("stripe")).get().extracting(c -> c.service()).isSameAs(platforms);
    }

    private void reseller(TenantId id, boolean platformPayments) {
        tenants.create(id, new TenantSettings(id.value(), List.of(id + ".dms.example"), Optional.of(new Brand(id + " DMS",
                "support@" + id + ".example", "noreply@" + id + ".example", "https://" + id + ".dms.example")), Currency.getInstance("EUR"),
                CatalogSelection.EVERYTHING, PriceAdjustment.NONE, platformPayments, java.util.Set.of(org.dmscloud.plugins.Contributions.UNKNOWN_BUNDLE)), "operator");
        // The providers here are registered by no bundle, which Contributions calls "unknown": bound to the resellers.
    }

    private static Map.Entry<Map<String, Object>, PaymentProvider> entry(String id, PaymentProvider provider) {
        return Map.entry(Map.of(PaymentProvider.PROVIDER_ID, id), provider);
    }

    private static Map.Entry<Map<String, Object>, PaymentProvider> entry(String id, TenantId tenant, PaymentProvider provider) {
        return Map.entry(Map.of(PaymentProvider.PROVIDER_ID, id, TenantScope.PROPERTY, tenant.value()), provider);
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
