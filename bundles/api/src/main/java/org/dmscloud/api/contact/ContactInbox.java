package org.dmscloud.api.contact;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Contact messages as operators read them. */
@ProviderType
public interface ContactInbox {

    /** The latest messages, newest first, optionally only about one topic. */
    List<ContactMessage> latest(Optional<ContactTopic> topic, int limit);

    Optional<ContactMessage> find(long id);
}
