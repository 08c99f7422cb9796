package org.dmscloud.payment.stripe.internal;

import java.time.Clock;
import java.util.Optional;

import org.dmscloud.api.payment.ReceivedPayment;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpSettlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;

/**
 * Stripe's notifications about Checkout Sessions. Each is trusted only with a valid signature made
 * within the tolerance (else refused, changing nothing); what it says is applied through the host's
 * settlement, which credits each session once however often, in whatever order and however late the
 * events come. Every event is recorded with what it did.
 */
final class StripeWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhook.class);

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

    private final TopUpSettlement settlement;
    private final String secret;
    private final long toleranceSeconds;
    private final Clock clock;

    StripeWebhook(TopUpSettlement settlement, String secret, long toleranceSeconds, Clock clock) {
        this.settlement = settlement;
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
        Delivery delivery = apply(event);
        settlement.recordEvent(StripePaymentProvider.ID, event.getId(), event.getType(), payload, delivery.outcome());
        return delivery;
    }

    private Delivery apply(Event event) {
        return switch (event.getType()) {
            case "checkout.session.completed" -> {
                Session session = session(event);
                yield StripeSessions.isPaid(session) ? paid(event, session)
                        : settle(session, topUp -> "completed; the payment is still being processed");
            }
            case "checkout.session.async_payment_succeeded" -> paid(event, session(event));
            case "checkout.session.async_payment_failed" -> failed(session(event), "The payment failed.");
            case "checkout.session.expired" -> failed(session(event), "The payment page expired before the payment was made.");
            default -> new Delivery(true, "ignored: DMS Cloud does not act on " + event.getType());
        };
    }

    private Delivery paid(Event event, Session session) {
        return settle(session, topUp -> {
            TopUp settled = settlement.recordPayment(StripePaymentProvider.ID, session.getId(),
                    new ReceivedPayment(session.getId(), StripeSessions.amount(session), "stripe webhook", "event " + event.getId()));
            return "paid: top-up " + settled.id() + " " + settled.status();
        });
    }

    private Delivery failed(Session session, String detail) {
        return settle(session, topUp -> {
            TopUp settled = settlement.recordFailure(StripePaymentProvider.ID, session.getId(), detail);
            return "failed: top-up " + settled.id() + " " + settled.status();
        });
    }

    /**
     * Applies the event to the session's top-up. A session of ours whose top-up has not recorded it yet
     * (the node that started it has not stored Stripe's answer) is refused for now, so that Stripe delivers
     * it again; a session that is not ours is acknowledged and left alone.
     */
    private Delivery settle(Session session, java.util.function.Function<TopUp, String> action) {
        Optional<TopUp> topUp = settlement.find(StripePaymentProvider.ID, session.getId());
        if (topUp.isPresent()) {
            return new Delivery(true, action.apply(topUp.get()));
        }
        boolean ours = session.getMetadata() != null && session.getMetadata().containsKey(StripeSessions.TOP_UP_ID);
        return ours ? new Delivery(false, "session " + session.getId() + " not yet recorded by its top-up; Stripe will deliver it again")
                : new Delivery(true, "ignored: session " + session.getId() + " is not a DMS Cloud top-up");
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
        if (!(object instanceof Session session)) {
            throw new RefusedException("A " + event.getType() + " event without a Checkout Session.");
        }
        return session;
    }
}
