package org.dmscloud.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.contact.ContactMessage;
import org.dmscloud.api.contact.ContactTopic;
import org.osgi.annotation.versioning.ProviderType;

/** Messages from the Contact Us form. */
@ProviderType
public interface ContactMessages {

    /** Stores a message; its id is ignored and the stored one returned. */
    ContactMessage add(ContactMessage message);

    /** How many messages came since {@code since}, from {@code clientAddress} or, if empty, from anywhere. */
    int countSince(Optional<String> clientAddress, Instant since);

    /** The latest messages, newest first, optionally only one tenant's or about one topic. */
    List<ContactMessage> latest(Optional<TenantId> tenant, Optional<ContactTopic> topic, int limit);

    Optional<ContactMessage> find(long id);
}
