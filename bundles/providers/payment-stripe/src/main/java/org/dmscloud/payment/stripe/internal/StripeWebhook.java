package org.dmscloud.payment.stripe.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.mail.OperatorMail;
import org.dmscloud.api.payment.ReceivedPayment;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpSettlement;
import org.dmscloud.spi.payment.PaymentProviderException;
import org.dmscloud.spi.payment.TopUpOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;

/**
 * Stripe's notifications about Checkout Sessions. A delivery is trusted only with a valid signature made
 * within the tolerance (else refused, changing nothing), and even then only as news that a session
 * changed: what is credited is what Stripe answers when asked about the session (paid, its amount, its
 * currency), never what the event says. An event that disagrees with Stripe, or a session that disagrees
 * with its top-up, credits nothing and is a security event: logged on {@code org.dmscloud.security} and
 * mailed to the operators, because a signed event that lies means the webhook secret is known to someone.
 * Every delivery is recorded with what it did; the host credits each session once, whatever the order and
 * number of deliveries.
 */
final class StripeWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhook.class);
    private static final Logger SECURITY = LoggerFactory.getLogger("org.dmscloud.security");

    /** What became of a delivery: {@code accepted} tells Stripe to stop delivering it. */
    record Delivery(boolean accepted, String outcome) {
    }

    /** A delivery that is not from Stripe, or not recent: nothing was done. */
    static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    /** Asks Stripe for a Checkout Session as it stands. */
    @FunctionalInterface
    interface Sessions {
        /** @throws PaymentProviderException if Stripe cannot be asked now */
        Session retrieve(String sessionId);
    }

    private final String providerId;
    private final TopUpSettlement settlement;
    private final Sessions sessions;
    private final OperatorMail operatorMail;
    private final String secret;
    private final long toleranceSeconds;
    private final Clock clock;

    /** @param providerId the provider whose Stripe account the webhook is of: only its top-ups are settled */
    StripeWebhook(String providerId, TopUpSettlement settlement, Sessions sessions, OperatorMail operatorMail, String secret,
            long toleranceSeconds, Clock clock) {
        this.providerId = providerId;
        this.settlement = settlement;
        this.sessions = sessions;
        this.operatorMail = operatorMail;
        this.secret = secret;
        this.toleranceSeconds = toleranceSeconds;
        this.clock = clock;
    }

    /** @throws RefusedException for a missing, forged or stale signature */
    Delivery receive(String payload, String signatureHeader) {
        if (secret.isBlank()) {
            throw new RefusedException("This endpoint has no webhook secret configured, so no event can be trusted.");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new RefusedException("The Stripe-Signature header is missing.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signatureHeader, secret, toleranceSeconds, clock);
        } catch (SignatureVerificationException e) {
            LOG.warn("Refused a Stripe webhook delivery: {}", e.getMessage());
            throw new RefusedException("The Stripe-Signature does not match this payload and secret, or was made too long ago.");
        } catch (RuntimeException e) {
            throw new RefusedException("The payload is not a Stripe event.");
        }
        Delivery delivery = switch (event.getType()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
                    "checkout.session.expired" -> apply(event, session(event));
            default -> new Delivery(true, "ignored: DMS Cloud does not act on " + event.getType());
        };
        if (delivery.accepted()) {
            settlement.recordEvent(providerId, event.getId(), event.getType(), payload, delivery.outcome());
        }
        return delivery;
    }

    private Delivery apply(Event event, Session claimed) {
        Optional<TopUp> found = settlement.find(providerId, claimed.getId());
        if (found.isEmpty()) {
            // Not ours, or ours before the top-up stored its session (then reconciliation asks Stripe about it soon).
            return new Delivery(true, "ignored: session " + claimed.getId() + " is not a DMS Cloud top-up");
        }
        TopUp topUp = found.get();
        Session actual;
        try {
            actual = sessions.retrieve(claimed.getId());
        } catch (PaymentProviderException e) {
            LOG.warn("Stripe could not be asked about session {} of event {}: {}", claimed.getId(), event.getId(), e.getMessage());
            return new Delivery(false, "Stripe could not be asked about session " + claimed.getId() + "; deliver it again");
        }
        List<String> lies = contradictions(claimed, actual);
        String warning = "";
        if (!lies.isEmpty()) {
            warning = "security event (" + String.join("; ", lies) + "); ";
            alarm(event, topUp, "the event contradicts Stripe's own session: " + String.join("; ", lies));
        }
        TopUpOutcome truth = StripeSessions.outcome(actual);
        Delivery done = switch (truth.status()) {
            case PAID -> paid(event, topUp, actual);
            case FAILED -> failed(actual, truth.detail());
            // Stripe's session says only "complete, unpaid" after a delayed payment failed: the event type tells which.
            case PENDING -> "checkout.session.async_payment_failed".equals(event.getType()) && "complete".equals(actual.getStatus())
                    ? failed(actual, "The payment failed.")
                    : new Delivery(true, "session " + actual.getId() + " is " + actual.getStatus() + ", payment "
                            + actual.getPaymentStatus() + ": completed; the payment is still being processed, nothing credited yet");
        };
        return new Delivery(done.accepted(), warning + done.outcome());
    }

    private Delivery paid(Event event, TopUp topUp, Session actual) {
        Optional<String> mismatch = StripeSessions.mismatch(actual, topUp);
        if (mismatch.isPresent()) {
            alarm(event, topUp, mismatch.get());
            return new Delivery(true, "security event: " + mismatch.get() + "; nothing credited");
        }
        TopUp settled = settlement.recordPayment(providerId, actual.getId(),
                new ReceivedPayment(actual.getId(), StripeSessions.amount(actual), "stripe webhook", "event " + event.getId()));
        return new Delivery(true, "paid: top-up " + settled.id() + " " + settled.status());
    }

    private Delivery failed(Session actual, String detail) {
        TopUp settled = settlement.recordFailure(providerId, actual.getId(), detail);
        return new Delivery(true, "failed: top-up " + settled.id() + " " + settled.status());
    }

    /**
     * What a signed event says that Stripe's session does not: an amount or currency (which never change),
     * or a payment made while Stripe's session is still open or unpaid (a session never goes back).
     */
    private static List<String> contradictions(Session claimed, Session actual) {
        List<String> lies = new ArrayList<>();
        if (!Objects.equals(claimed.getAmountTotal(), actual.getAmountTotal()) || !Objects.equals(claimed.getCurrency(), actual.getCurrency())) {
            lies.add("amount " + claimed.getAmountTotal() + " " + claimed.getCurrency() + " claimed, " + actual.getAmountTotal() + " "
                    + actual.getCurrency() + " at Stripe");
        }
        if (StripeSessions.isPaid(claimed) && !StripeSessions.isPaid(actual)) {
            lies.add("paid claimed, " + actual.getStatus() + " and " + actual.getPaymentStatus() + " at Stripe");
        }
        if ("complete".equals(claimed.getStatus()) && "open".equals(actual.getStatus())) {
            lies.add("complete claimed, still open at Stripe");
        }
        return lies;
    }

    private void alarm(Event event, TopUp topUp, String what) {
        SECURITY.warn("Stripe webhook event {} for top-up {} (account {}): {}. Nothing was credited on its word.", event.getId(),
                topUp.id(), topUp.account(), what);
        operatorMail.notifyOperators("security", "Security: a Stripe webhook event for top-up " + topUp.id() + " was not believed",
                "A correctly signed Stripe webhook event disagreed with Stripe or with its top-up, so nothing was credited on its word.\n\n"
                        + "Event: " + event.getId() + " (" + event.getType() + ")\nTop-up: " + topUp.id() + " for " + topUp.amount()
                        + "\nAccount: " + topUp.account() + "\nWhat: " + what + "\n\n"
                        + "If the event did not come from Stripe, the webhook signing secret is known to someone else: roll it in "
                        + "Stripe's dashboard and put the new one into the configuration of payment provider " + providerId
                        + " (dms:payment-providers).\n");
    }

    private static Session session(Event event) {
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                // An event of another API version than stripe-java's: the session's fields we read are stable.
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new RefusedException("The event's session cannot be read.");
            }
        });
        if (!(object instanceof Session session) || session.getId() == null) {
            throw new RefusedException("A " + event.getType() + " event without a Checkout Session.");
        }
        return session;
    }
}
