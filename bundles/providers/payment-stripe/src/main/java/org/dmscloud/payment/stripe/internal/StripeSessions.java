package org.dmscloud.payment.stripe.internal;

import java.util.Locale;
import java.util.Optional;

import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.spi.payment.TopUpOutcome;

import com.stripe.model.checkout.Session;

/** What a Checkout Session's state means for its top-up. */
final class StripeSessions {

    /** The metadata key under which a session carries its top-up's id. */
    static final String TOP_UP_ID = "dms_top_up_id";

    private StripeSessions() {
    }

    /** Whether the customer's money is in: paid now, or nothing was due. */
    static boolean isPaid(Session session) {
        return "paid".equals(session.getPaymentStatus()) || "no_payment_required".equals(session.getPaymentStatus());
    }

    static Money amount(Session session) {
        return Money.ofMinor(session.getAmountTotal(), session.getCurrency().toUpperCase(Locale.ROOT));
    }

    /**
     * Why a paid session cannot be credited to this top-up: another currency or amount than the top-up was
     * started with (Stripe never changes a session's amount, so this means the session is not the one we made),
     * or another top-up's session.
     */
    static Optional<String> mismatch(Session session, TopUp topUp) {
        String topUpId = session.getMetadata() == null ? null : session.getMetadata().get(TOP_UP_ID);
        if (!topUp.id().toString().equals(topUpId)) {
            return Optional.of("session " + session.getId() + " belongs to top-up " + topUpId + ", not " + topUp.id());
        }
        if (session.getCurrency() == null || !topUp.amount().currencyCode().equalsIgnoreCase(session.getCurrency())) {
            return Optional.of("session " + session.getId() + " is in " + session.getCurrency() + ", the top-up in " + topUp.amount().currencyCode());
        }
        if (session.getAmountTotal() == null || session.getAmountTotal() != topUp.amount().minorUnits()) {
            return Optional.of("session " + session.getId() + " is for " + session.getAmountTotal() + " minor units, the top-up for "
                    + topUp.amount());
        }
        return Optional.empty();
    }

    static TopUpOutcome outcome(Session session) {
        if ("complete".equals(session.getStatus()) && isPaid(session)) {
            return new TopUpOutcome(TopUpOutcome.Status.PAID, amount(session), "Checkout Session " + session.getId() + " paid");
        }
        if ("expired".equals(session.getStatus())) {
            Money zero = Money.zero(amount(session).currency());
            return new TopUpOutcome(TopUpOutcome.Status.FAILED, zero, "The payment page expired before the payment was made.");
        }
        Money zero = Money.zero(amount(session).currency());
        return new TopUpOutcome(TopUpOutcome.Status.PENDING, zero, "Checkout Session " + session.getStatus() + ", payment "
                + session.getPaymentStatus());
    }
}
