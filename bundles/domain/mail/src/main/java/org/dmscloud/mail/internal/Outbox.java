package org.dmscloud.mail.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;

/** Mail to send: written in the transaction of what causes it, delivered later, with retries. */
public interface Outbox {

    /** The repository in this transaction. */
    static Outbox in(Transaction transaction) {
        return new JdbcOutbox(Jdbc.of(transaction));
    }

    /** Queues a mail to be sent from {@code at} on; answers its id. */
    long add(OutgoingMail mail, Instant at);

    /** Adds a file to a queued mail. */
    void attach(long mailId, Attachment attachment);

    /** The files of a mail, in the order attached. */
    List<Attachment> attachments(long mailId);

    /** Ids of mails due at {@code now} (pending, or claimed by a node whose claim ran out), oldest first. */
    List<Long> due(Instant now, int limit);

    /**
     * Claims a due mail for sending until {@code until}, so that another node does not send it meanwhile.
     * Answers it, or empty if it is no longer due (another node claimed or sent it).
     */
    Optional<MailRecord> claim(long id, Instant now, Instant until);

    void markSent(long id, Instant at);

    /** Records a failed attempt: tried again at {@code nextAttemptAt}, or given up when that is empty. */
    void markFailed(long id, String error, Optional<Instant> nextAttemptAt);

    /** Queues a failed or pending mail again, to be sent at once. */
    boolean retry(long id, Instant at);

    Optional<MailRecord> find(long id);

    /** The latest mails, newest first, optionally only those of this tenant, with this status or to this recipient. */
    List<MailRecord> latest(Optional<TenantId> tenant, Optional<MailRecord.MailStatus> status, Optional<String> recipient, int limit);
}
