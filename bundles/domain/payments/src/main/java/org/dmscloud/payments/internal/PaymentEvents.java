package org.dmscloud.payments.internal;

import java.time.Instant;

import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;


/** Notifications from payment providers, stored once per event id. */
public interface PaymentEvents {

    /** The repository in this transaction. */
    static PaymentEvents in(Transaction transaction) {
        return new JdbcPaymentEvents(Jdbc.of(transaction));
    }

    /**
     * Stores the event, or counts one more delivery of an event stored before.
     *
     * @return whether it was stored now (its first delivery)
     */
    boolean record(String providerId, String eventId, String type, String payload, String outcome, Instant at);

    /** How often the event was delivered; 0 if never. */
    int deliveries(String providerId, String eventId);
}
