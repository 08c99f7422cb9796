package org.dmscloud.api.mail;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.osgi.annotation.versioning.ProviderType;

/** The outbox as operators see it. */
@ProviderType
public interface MailOutbox {

    /** The latest mails, newest first, optionally only of this tenant, with this status or to this recipient. */
    List<OutboxMail> latest(Optional<TenantId> tenant, Optional<String> status, Optional<String> recipient, int limit);

    Optional<OutboxMail> find(long id);

    /** Queues a pending or failed mail to be sent at once; false if there is no such mail or it was sent. */
    boolean retry(long id);

    /** Whether mail is delivered (SMTP configured), and if not why. */
    String deliveryStatus();
}
