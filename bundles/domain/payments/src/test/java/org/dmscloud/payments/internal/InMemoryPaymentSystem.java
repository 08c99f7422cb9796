package org.dmscloud.payments.internal;

import java.net.URI;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.spi.payment.Availability;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.PaymentProviderException;
import org.dmscloud.spi.payment.TopUpOutcome;
import org.dmscloud.spi.payment.TopUpRequest;
import org.dmscloud.spi.payment.TopUpStart;

/**
 * A payment provider plugin whose payment system lives in memory: payments are started once per
 * top-up id (as a remote system with idempotency keys does), paid, failed or expired by the test, and
 * answer checks and cancellations as the system would. The host code under test cannot tell it from a
 * remote one; the Stripe and bank-transfer bundles test against their real counterparts.
 */
final class InMemoryPaymentSystem implements PaymentProvider {

    enum State { OPEN, PAID, EXPIRED }

    record Payment(String reference, TopUpId topUp, Money amount, State state) {
    }

    private final String id;
    private final Map<TopUpId, Payment> byTopUp = new ConcurrentHashMap<>();
    private final AtomicInteger starts = new AtomicInteger();
    volatile Availability availability = Availability.AVAILABLE;
    volatile boolean needsBillingDetails;
    volatile Optional<String> operatorTask = Optional.empty();
    volatile RuntimeException failNext;

    InMemoryPaymentSystem(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Test pay";
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public Optional<TopUpLimits> limits(Currency currency) {
        return currency.getCurrencyCode().equals("EUR")
                ? Optional.of(new TopUpLimits(Money.of("5.00", "EUR"), Money.of("10000.00", "EUR")))
                : Optional.empty();
    }

    @Override
    public boolean needsBillingDetails() {
        return needsBillingDetails;
    }

    @Override
    public TopUpStart start(TopUpRequest request) {
        throwIfFailing();
        starts.incrementAndGet();
        Payment payment = byTopUp.computeIfAbsent(request.topUpId(),
                topUp -> new Payment("pay_" + topUp.value().toString().substring(0, 8), topUp, request.amount(), State.OPEN));
        return new TopUpStart(payment.reference(), Optional.of(URI.create("https://pay.example/" + payment.reference())),
                "Pay on the payment page.", operatorTask);
    }

    @Override
    public TopUpOutcome check(String reference) {
        throwIfFailing();
        return outcome(find(reference));
    }

    @Override
    public TopUpOutcome cancel(String reference) {
        throwIfFailing();
        Payment payment = find(reference);
        if (payment.state() == State.OPEN) {
            payment = set(payment, State.EXPIRED);
        }
        return outcome(payment);
    }

    /** The customer pays on the provider's page. */
    void pay(String reference) {
        set(find(reference), State.PAID);
    }

    void expire(String reference) {
        set(find(reference), State.EXPIRED);
    }

    int starts() {
        return starts.get();
    }

    private Payment set(Payment payment, State state) {
        Payment changed = new Payment(payment.reference(), payment.topUp(), payment.amount(), state);
        byTopUp.put(payment.topUp(), changed);
        return changed;
    }

    private Payment find(String reference) {
        return byTopUp.values().stream().filter(p -> p.reference().equals(reference)).findFirst()
                .orElseThrow(() -> new PaymentProviderException("No such payment: " + reference));
    }

    private static TopUpOutcome outcome(Payment payment) {
        return switch (payment.state()) {
            case OPEN -> new TopUpOutcome(TopUpOutcome.Status.PENDING, Money.zero(payment.amount().currency()), "open");
            case PAID -> new TopUpOutcome(TopUpOutcome.Status.PAID, payment.amount(), "paid");
            case EXPIRED -> new TopUpOutcome(TopUpOutcome.Status.FAILED, Money.zero(payment.amount().currency()), "expired");
        };
    }

    private void throwIfFailing() {
        RuntimeException failure = failNext;
        if (failure != null) {
            failNext = null;
            throw failure;
        }
    }
}
