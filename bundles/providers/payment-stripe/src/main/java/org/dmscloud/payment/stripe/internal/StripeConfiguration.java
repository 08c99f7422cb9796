package org.dmscloud.payment.stripe.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "DMS Cloud Stripe payments", description = "Card top-ups through Stripe Checkout, into the platform's "
        + "Stripe account (etc/org.dmscloud.payment.stripe.cfg) or a tenant's own (etc/org.dmscloud.payment.stripe.tenant-<name>.cfg).")
public @interface StripeConfiguration {

    /** The platform's account. */
    String PID = "org.dmscloud.payment.stripe";

    /** A tenant's own account: one factory configuration each. */
    String TENANT_FACTORY_PID = "org.dmscloud.payment.stripe.tenant";

    // No defaults: a default would be a service property of the platform's account too, as if it were a tenant's.
    @AttributeDefinition(required = false, name = "dms.tenant", description = "A tenant's own account only: the id of the tenant whose customers pay into it.")
    String dms_tenant();

    @AttributeDefinition(required = false, name = "dms.payment.provider.id", description = "A tenant's own account only: the provider's id, unique on the "
            + "platform, such as stripe-acme; its webhook endpoint is /api/v1/payments/stripe/webhook/<id>.")
    String dms_payment_provider_id();

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Secret API key (sk_live_... or sk_test_...). Empty: card payments are unavailable.")
    String secretKey() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The webhook endpoint's signing secret (whsec_...). Empty: card payments are unavailable, "
            + "as their confirmations could not be trusted.")
    String webhookSecret() default "";

    @AttributeDefinition(description = "Seconds a webhook's signature stays acceptable; older deliveries are refused as replays.")
    int webhookToleranceSeconds() default 300;

    @AttributeDefinition(description = "Stripe's API address; changed only to test against a local server.")
    String apiBase() default "https://api.stripe.com";

    @AttributeDefinition(description = "Where Stripe sends the customer after paying: the web portal's page of the top-up, "
            + StripePaymentProvider.TOP_UP_ID_PLACEHOLDER + " replaced by its id.")
    String successUrl() default "http://localhost:8181/account/top-ups/" + StripePaymentProvider.TOP_UP_ID_PLACEHOLDER + "?back=paid";

    @AttributeDefinition(description = "Where Stripe sends the customer who leaves the payment page, "
            + StripePaymentProvider.TOP_UP_ID_PLACEHOLDER + " replaced by the top-up's id.")
    String cancelUrl() default "http://localhost:8181/account/top-ups/" + StripePaymentProvider.TOP_UP_ID_PLACEHOLDER + "?back=left";

    @AttributeDefinition(description = "Currencies taken, ISO codes separated by commas.")
    String currencies() default "EUR,USD";

    @AttributeDefinition(description = "Smallest top-up, in major units of the account's currency.")
    String minimum() default "5.00";

    @AttributeDefinition(description = "Largest top-up, in major units of the account's currency.")
    String maximum() default "10000.00";

    @AttributeDefinition(description = "What the customer's card statement and receipt call the purchase.")
    String productName() default "DMS Cloud balance top-up";

    @AttributeDefinition(description = "Seconds to wait for Stripe to connect and to answer.")
    int timeoutSeconds() default 30;
}
