package org.dmscloud.api.contact;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.osgi.annotation.versioning.ProviderType;

/** Contact messages as operators read them. */
@ProviderType
public interface ContactInbox {

    /** The latest messages, newest first, optionally only one tenant's or about one topic. */
    List<ContactMessage> latest(Optional<TenantId> tenant, Optional<ContactTopic> topic, int limit);

    Optional<ContactMessage> find(long id);
}
