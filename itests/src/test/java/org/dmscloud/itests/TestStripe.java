package org.dmscloud.itests;

import java.net.URI;
import java.time.Clock;

import org.dmscloud.payment.stripe.testing.StripeEvents;
import org.dmscloud.payment.stripe.testing.StripeStub;

/**
 * Stripe's stand-in for a test run, started in the test JVM: the distribution's Stripe provider calls its
 * API, and it delivers signed webhooks to the distribution when a test, playing the customer, pays over
 * HTTP ({@code POST <api base>/_test/checkout/sessions/<id>/pay}). Only the test JVM loads this class.
 */
final class TestStripe {

    private TestStripe() {
    }

    /** Starts the stand-in of the platform's account; answers the API base to configure in the distribution. */
    static String start(URI webhook) {
        return start(webhook, StripeStub.SECRET_KEY, StripeEvents.WEBHOOK_SECRET);
    }

    /** Starts the stand-in of another Stripe account, with its own keys; answers its API base. */
    static String start(URI webhook, String secretKey, String webhookSecret) {
        StripeStub stripe = new StripeStub(Clock.systemUTC(), secretKey, webhookSecret);
        stripe.deliverWebhooksTo(webhook);
        Runtime.getRuntime().addShutdownHook(new Thread(stripe::close));
        return stripe.apiBase();
    }
}
