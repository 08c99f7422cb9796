package org.dmscloud.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Currency;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.BillingDetails;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.TopUpOutcome;
import org.dmscloud.spi.payment.TopUpRequest;
import org.dmscloud.spi.payment.TopUpStart;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link PaymentProvider}, as the host calls it: extend it in the provider's tests with the
 * provider configured against its payment system's test double (a local server speaking its wire format, not a
 * mock of the provider's own classes). Its id and name fit to be shown and stored; its limits sane in every
 * currency it takes and none in one it does not; starting a top-up twice with one top-up id is one payment
 * (the host retries after a timeout); a started top-up is pending until paid; cancelling an unpaid one fails
 * it, again and again; and, where {@link #pay} can pay in the test double, a paid top-up is paid exactly its
 * amount and stays paid when cancelled.
 */
public abstract class PaymentProviderContract {

    /** The provider, configured and available. */
    protected abstract PaymentProvider provider();

    /** A currency it takes. */
    protected abstract Currency currency();

    /** A currency it does not take; by default the ISO code for tests, XTS. */
    protected Currency currencyNotTaken() {
        return Currency.getInstance("XTS");
    }

    /**
     * Pays a started top-up in the payment system's test double, as the customer would. Answers false when the
     * provider's payments are recorded by people (a bank transfer), which skips the tests of paid top-ups.
     */
    protected boolean pay(TopUpStart started, Money amount) throws Exception {
        return false;
    }

    @Test
    void itsIdAndNameFitToBeStoredAndShown() {
        PluginTexts.assertId("provider", provider().id());
        PluginTexts.assertCustomerText("provider name", provider().displayName(), 60);
    }

    @Test
    void configuredItIsAvailable() {
        assertThat(provider().availability().available()).as("available; the reason given: %s", provider().availability().reason()).isTrue();
    }

    @Test
    void itsLimitsAreSaneInItsCurrencyAndAbsentInOneItDoesNotTake() {
        TopUpLimits limits = provider().limits(currency()).orElseThrow(() -> new AssertionError("no limits in " + currency()));
        assertThat(limits.minimum().currency()).isEqualTo(currency());
        assertThat(limits.maximum().currency()).isEqualTo(currency());
        assertThat(limits.minimum().isPositive()).as("the smallest top-up is more than nothing").isTrue();
        assertThat(limits.maximum().isLessThan(limits.minimum())).as("the largest top-up is at least the smallest").isFalse();
        assertThat(provider().limits(currencyNotTaken())).as("limits in %s", currencyNotTaken()).isEmpty();
    }

    @Test
    void startingOneTopUpTwiceIsOnePayment() {
        TopUpRequest request = request();

        TopUpStart first = provider().start(request);
        TopUpStart again = provider().start(request);

        assertThat(first.providerReference()).as("the provider reference").isNotBlank();
        assertThat(again.providerReference()).as("the reference when started again with the same top-up id").isEqualTo(first.providerReference());
        assertThat(provider().start(request()).providerReference()).as("another top-up's reference").isNotEqualTo(first.providerReference());
    }

    @Test
    void aStartedTopUpIsPendingAndCancellingItFailsItEachTime() {
        TopUpStart started = provider().start(request());

        assertThat(provider().check(started.providerReference()).status()).isEqualTo(TopUpOutcome.Status.PENDING);
        TopUpOutcome cancelled = provider().cancel(started.providerReference());
        assertThat(cancelled.status()).isEqualTo(TopUpOutcome.Status.FAILED);
        assertThat(cancelled.received().isPositive()).as("money received by a failed top-up").isFalse();
        assertThat(provider().cancel(started.providerReference()).status()).as("cancelled again").isEqualTo(TopUpOutcome.Status.FAILED);
    }

    @Test
    void aPaidTopUpIsPaidItsAmountAndStaysPaidWhenCancelled() throws Exception {
        TopUpRequest request = request();
        TopUpStart started = provider().start(request);
        assumeTrue(pay(started, request.amount()), "payments through this provider are recorded by people");

        TopUpOutcome checked = provider().check(started.providerReference());
        assertThat(checked.status()).isEqualTo(TopUpOutcome.Status.PAID);
        assertThat(checked.received()).isEqualTo(request.amount());
        assertThat(provider().cancel(started.providerReference()).status()).as("cancelled after payment").isEqualTo(TopUpOutcome.Status.PAID);
    }

    /** A top-up of the provider's smallest amount, with billing details when it needs them. */
    protected TopUpRequest request() {
        Money amount = provider().limits(currency()).orElseThrow().minimum();
        Optional<BillingDetails> details = provider().needsBillingDetails()
                ? Optional.of(new BillingDetails("Ada Lovelace", "Analytical Engines Ltd", "1 Harbour Street, Dublin", "IE", ""))
                : Optional.empty();
        return new TopUpRequest(TopUpId.random(), AccountId.random(), amount, "ada@example.com", details);
    }
}
