package org.dmscloud.payment.stripe.internal;

import java.util.Locale;

import org.dmscloud.api.money.Money;
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
