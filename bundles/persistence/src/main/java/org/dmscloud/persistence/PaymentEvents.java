package org.dmscloud.persistence;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/** Notifications from payment providers, stored once per event id. */
@ProviderType
public interface PaymentEvents {

    /**
     * Stores the event, or counts one more delivery of an event stored before.
     *
     * @return whether it was stored now (its first delivery)
     */
    boolean record(String providerId, String eventId, String type, String payload, String outcome, Instant at);

    /** How often the event was delivered; 0 if never. */
    int deliveries(String providerId, String eventId);
}
