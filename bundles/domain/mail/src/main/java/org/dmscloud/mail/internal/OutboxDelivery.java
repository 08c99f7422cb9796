package org.dmscloud.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.job.Backoff;
import org.dmscloud.api.job.PeriodicJob;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.api.mail.MailOutbox;
import org.dmscloud.api.mail.OutboxMail;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
public class OutboxDelivery implements MailOutbox, PeriodicJob {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    /** How long a node may take to send a claimed mail before another node may try it. */
    private static final Duration CLAIM = Duration.ofMinutes(5);

    /** The waits after a mail's 1st, 2nd, ... failure: a minute, doubled each time, at most six hours. */
    private static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofHours(6));

    private final Store store;
    private final Clock clock;
    private final Optional<SmtpSender> smtp;
    private final int maxAttempts;
    private final Duration poll;
    private ServiceRegistration<PeriodicJob> registration;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = MailTables.SCHEMA_FILTER)
    Schema tables;

    public OutboxDelivery(Store store, Clock clock, MailConfiguration configuration) {
        this.store = store;
        this.clock = clock;
        this.smtp = configuration.smtpHost().isBlank() ? Optional.empty() : Optional.of(new SmtpSender(configuration));
        this.maxAttempts = Math.max(1, configuration.maxAttempts());
        this.poll = Duration.ofSeconds(Math.max(1, configuration.pollSeconds()));
    }

    /** Delivery is a job of the platform's job runner, when there is an SMTP server to deliver through. */
    @Activate
    public OutboxDelivery(BundleContext context, @Reference Store store, @Reference Clock clock, MailConfiguration configuration) {
        this(store, clock, configuration);
        if (smtp.isPresent()) {
            registration = context.registerService(PeriodicJob.class, this, null);
            LOG.info("Customer mail is delivered through {}:{}", configuration.smtpHost(), configuration.smtpPort());
        } else {
            LOG.warn("No SMTP server in etc/{}.cfg: customer mail stays in the outbox (dms:mail-list)", MailConfiguration.PID);
        }
    }

    @Deactivate
    void stop() {
        if (registration != null) {
            registration.unregister();
        }
    }

    @Override
    public String name() {
        return "mail-delivery";
    }

    @Override
    public Duration period() {
        return poll;
    }

    @Override
    public Duration firstRunAfter() {
        return Duration.ofSeconds(1);
    }

    @Override
    public void run() {
        deliverDue();
    }

    /** Sends every mail that is due now; without an SMTP server, leaves the outbox as it is. */
    void deliverDue() {
        if (smtp.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (long id : store.inTransaction(tx -> Outbox.in(tx).due(now, 100))) {
            store.inTransaction(tx -> Outbox.in(tx).claim(id, now, now.plus(CLAIM))).ifPresent(this::send);
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
                    : Optional.of(clock.instant().plus(BACKOFF.after(attempt)));
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
