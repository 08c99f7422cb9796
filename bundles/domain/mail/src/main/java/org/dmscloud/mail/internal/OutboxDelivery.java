package org.dmscloud.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.api.mail.MailOutbox;
import org.dmscloud.api.mail.OutboxMail;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: claims each due mail (so that two nodes do not both send it), sends it, and on
 * failure tries again later, waiting longer each time, until it gives up and an operator can retry.
 * Without an SMTP server configured, mail stays in the outbox for operators to read.
 */
@Component(service = MailOutbox.class, immediate = true, configurationPid = MailConfiguration.PID)
@Designate(ocd = MailConfiguration.class)
public class OutboxDelivery implements MailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    /** How long a node may take to send a claimed mail before another node may try it. */
    private static final Duration CLAIM = Duration.ofMinutes(5);

    /** Waits after the 1st, 2nd, ... failure; the last one repeats. */
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6));

    private final Store store;
    private final Clock clock;
    private final Optional<SmtpSender> smtp;
    private final int maxAttempts;
    private final ScheduledExecutorService executor;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = MailTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public OutboxDelivery(@Reference Store store, @Reference Clock clock, MailConfiguration configuration) {
        this.store = store;
        this.clock = clock;
        this.smtp = configuration.smtpHost().isBlank() ? Optional.empty() : Optional.of(new SmtpSender(configuration));
        this.maxAttempts = Math.max(1, configuration.maxAttempts());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dmscloud-mail");
            thread.setDaemon(true);
            return thread;
        });
        if (smtp.isPresent()) {
            executor.scheduleWithFixedDelay(this::deliverDue, 1, Math.max(1, configuration.pollSeconds()), TimeUnit.SECONDS);
            LOG.info("Customer mail is delivered through {}:{}", configuration.smtpHost(), configuration.smtpPort());
        } else {
            LOG.warn("No SMTP server in etc/{}.cfg: customer mail stays in the outbox (dms:mail-list)", MailConfiguration.PID);
        }
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    /** Sends every mail that is due now; without an SMTP server, leaves the outbox as it is. */
    void deliverDue() {
        if (smtp.isEmpty()) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (long id : store.inTransaction(tx -> Outbox.in(tx).due(now, 100))) {
                store.inTransaction(tx -> Outbox.in(tx).claim(id, now, now.plus(CLAIM))).ifPresent(this::send);
            }
        } catch (Throwable e) { // a scheduled task that throws is never run again
            LOG.warn("Could not go through the outbox; trying again soon: {}", e.toString());
        }
    }

    private void send(MailRecord mail) {
        try {
            List<Attachment> attachments = store.inTransaction(tx -> Outbox.in(tx).attachments(mail.id()));
            smtp.orElseThrow().send(mail, attachments);
            store.inTransaction(tx -> {
                Outbox.in(tx).markSent(mail.id(), clock.instant());
                return null;
            });
        } catch (Exception e) {
            int attempt = mail.attempts() + 1;
            Optional<Instant> next = attempt >= maxAttempts ? Optional.empty()
                    : Optional.of(clock.instant().plus(BACKOFF.get(Math.min(attempt, BACKOFF.size()) - 1)));
            LOG.warn("Mail {} to {} failed (attempt {} of {}): {}", mail.id(), mail.recipient(), attempt, maxAttempts, e.toString());
            store.inTransaction(tx -> {
                Outbox.in(tx).markFailed(mail.id(), e.toString(), next);
                return null;
            });
        }
    }

    @Override
    public List<OutboxMail> latest(Optional<TenantId> tenant, Optional<String> status, Optional<String> recipient, int limit) {
        Optional<MailRecord.MailStatus> wanted = status.map(s -> MailRecord.MailStatus.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)));
        return store.inTransaction(tx -> Outbox.in(tx).latest(tenant, wanted, recipient, Math.max(1, Math.min(limit, 1000))))
                .stream().map(mail -> view(mail, List.of())).toList();
    }

    @Override
    public Optional<OutboxMail> find(long id) {
        return store.inTransaction(tx -> Outbox.in(tx).find(id).map(mail -> view(mail, Outbox.in(tx).attachments(id))));
    }

    @Override
    public boolean retry(long id) {
        return store.inTransaction(tx -> Outbox.in(tx).retry(id, clock.instant()));
    }

    @Override
    public String deliveryStatus() {
        return smtp.isPresent() ? "delivering over SMTP" : "not delivering: no smtpHost in etc/" + MailConfiguration.PID + ".cfg";
    }

    private static OutboxMail view(MailRecord mail, List<Attachment> attachments) {
        return new OutboxMail(mail.id(), mail.tenant(), mail.sender(), mail.kind(), mail.recipient(), mail.subject(), mail.body(), mail.status().name(),
                mail.attempts(), mail.nextAttemptAt(), mail.lastError(), mail.createdAt(), mail.sentAt(),
                attachments.stream().map(Attachment::fileName).toList());
    }
}
