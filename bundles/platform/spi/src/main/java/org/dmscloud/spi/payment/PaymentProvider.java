package org.dmscloud.spi.payment;

import java.util.Currency;
import java.util.Optional;

import org.dmscloud.api.payment.TopUpLimits;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to top up a prepaid balance, such as card payment through Stripe or a bank transfer against an
 * invoice. Register it with the property {@link #PROVIDER_ID} equal to {@link #id()}.
 * <p>
 * A top-up <em>starts</em> with {@link #start}: the provider records what it needs with its payment
 * system and tells the customer what to do next (follow a payment page, or wait for an invoice). It is
 * <em>confirmed</em> by the provider's own evidence that the money arrived (a signed webhook, an
 * operator recording a bank payment), reported through {@link org.dmscloud.api.payment.TopUpSettlement},
 * and can always be re-checked with {@link #check}, so that a lost notification never loses money. The
 * host credits each payment exactly once, whatever the number of confirmations.
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

    /** The smallest and largest top-up taken in this currency; empty if the currency is not taken. */
    Optional<TopUpLimits> limits(Currency currency);

    /** Whether a top-up needs the customer's billing details (e.g. to make out an invoice). */
    boolean needsBillingDetails();

    /**
     * Starts a top-up. The host calls it again with the same {@link TopUpRequest#topUpId()} when it does
     * not know whether an earlier call succeeded (a timeout, a crash), so a provider that talks to a
     * remote system passes the top-up id there as its idempotency key and never creates a second payment.
     *
     * @throws PaymentProviderException if the provider refused or could not be reached
     */
    TopUpStart start(TopUpRequest request);

    /**
     * Asks the payment system where a started top-up stands now. A paid outcome stands for one payment
     * whose key is the provider reference.
     *
     * @throws PaymentProviderException if the payment system could not be asked
     */
    TopUpOutcome check(String providerReference);

    /**
     * Whether {@link #check} can learn of a payment by itself, by asking a remote payment system (true unless
     * overridden). A provider whose payments are only ever recorded by people, such as a bank transfer that an
     * operator records against its invoice, answers false: the host's periodic reconciliation does not ask it.
     */
    default boolean checksRemotely() {
        return true;
    }

    /**
     * Stops a started top-up so that it can no longer be paid, and answers where it stands afterwards:
     * failed once stopped, or paid if the customer paid first.
     *
     * @throws PaymentProviderException if the payment system could not be reached
     */
    TopUpOutcome cancel(String providerReference);
}
