package org.dmscloud.spi.payment;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to top up a prepaid balance, such as card payment through Stripe or a bank transfer against an
 * invoice. Register it with the property {@link #PROVIDER_ID} equal to {@link #id()}.
 * <p>
 * A top-up <em>starts</em> with {@link #start}: the provider records what it needs with its payment
 * system and tells the customer what to do next (follow a payment page, or wait for an invoice). It is
 * <em>confirmed</em> by the provider's own evidence that the money arrived (a signed webhook, an
 * operator recording a bank payment), and can always be re-checked with {@link #check}, so that a lost
 * notification never loses money. The host credits the balance exactly once per top-up, whatever the
 * number of confirmations.
 */
@ConsumerType
public interface PaymentProvider {

    /** Service property: the provider id, lowercase letters, digits and '-'. Required. */
    String PROVIDER_ID = "dms.payment.provider.id";

    /** Stable id, stored with every top-up taken through this provider. */
    String id();

    /** Name shown to customers, e.g. "Card (Stripe)". */
    String displayName();

    /** Whether a top-up can be started now; when not, the reason tells an operator what to fix. */
    Availability availability();

    /**
     * Starts a top-up. Called at most once per {@link TopUpRequest#topUpId()}; a provider that talks
     * to a remote system passes the top-up id as its idempotency key there, so that a retry after a
     * timeout never creates a second payment.
     *
     * @throws IllegalStateException if the provider is not {@linkplain #availability() available}
     */
    TopUpStart start(TopUpRequest request);

    /** Asks the payment system where a started top-up stands now. */
    TopUpOutcome check(String providerReference);
}
