package org.dmscloud.payment.stripe.internal;

import java.time.Instant;
import java.util.Currency;
import java.util.Map;

import org.dmscloud.api.money.Money;
import org.dmscloud.payment.stripe.testing.StripeEvents;
import org.dmscloud.payment.stripe.testing.StripeStub;
import org.dmscloud.persistence.testing.Configurations;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.TopUpStart;
import org.dmscloud.testkit.PaymentProviderContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The Stripe provider passes the plugin testkit, against the local server that speaks Stripe's wire format. */
class StripeProviderContractTest extends PaymentProviderContract {

    private StripeStub stripe;
    private StripePaymentProvider provider;

    @BeforeEach
    void start() {
        stripe = new StripeStub(new TestClock(Instant.parse("2026-11-29T10:00:00Z")));
        provider = new StripePaymentProvider(Configurations.of(StripeConfiguration.class, Map.of("secretKey", StripeStub.SECRET_KEY,
                "webhookSecret", StripeEvents.WEBHOOK_SECRET, "apiBase", stripe.apiBase(), "timeoutSeconds", 2)));
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Override
    protected PaymentProvider provider() {
        return provider;
    }

    @Override
    protected Currency currency() {
        return Currency.getInstance("EUR");
    }

    @Override
    protected boolean pay(TopUpStart started, Money amount) {
        stripe.pay(started.providerReference());
        return true;
    }
}
