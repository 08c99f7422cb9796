package org.dmscloud.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.api.mail.OutboxMail;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.Configurations;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.persistence.testing.TestTenants;
import org.dmscloud.tenants.internal.TenantBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The outbox delivered to a real SMTP server (GreenMail), including while that server is down. */
class OutboxDeliveryTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private TestDatabases.OpenStore database;
    private Store store;
    private static final Brand PLATFORM = new Brand("DMS Cloud", "help@dmscloud.example", "DMS Cloud <no-reply@dmscloud.example>",
            "https://portal.example");
    private TenantBook tenants;
    private OutboxCustomerMail mail;
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabases.open(TestDatabases.h2(), TestDatabases.TENANTS, TestDatabases.MAIL);
        store = database.store();
        tenants = new TenantBook(store, clock, Currency.getInstance("EUR"));
        // These tests mail addresses, never an account's users (whom the customers bundle knows).
        mail = new OutboxCustomerMail(store, clock, tenants, account -> {
            throw new AssertionError("no account mail in these tests");
        }, PLATFORM);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @AfterEach
    void stop() {
        smtp.stop();
        database.close();
    }

    @Test
    void queuedMailIsDeliveredOnceOverSmtp() throws Exception {
        smtp.start();
        OutboxDelivery delivery = new OutboxDelivery(store, clock, configuration("127.0.0.1"));
        try {
            mail.verifyAddress(TenantId.DEFAULT, "ada@example.com", "Ada", "tok3n");

            delivery.deliverDue();
            delivery.deliverDue();

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Confirm your email address for DMS Cloud");
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
            assertThat(String.valueOf(received[0].getContent())).contains("https://portal.example/verify?token=tok3n");
            assertThat(delivery.latest(Optional.empty(), Optional.empty(), Optional.empty(), 10)).singleElement()
                    .satisfies(m -> assertThat(m.status()).isEqualTo("SENT"));
        } finally {
            delivery.stop();
        }
    }

    @Test
    void aMailWithAFileArrivesWithTheFileAttached() throws Exception {
        smtp.start();
        OutboxDelivery delivery = new OutboxDelivery(store, clock, configuration("127.0.0.1"));
        try {
            byte[] pdf = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);
            long id = store.inTransaction(tx -> {
                long queued = Outbox.in(tx).add(new OutgoingMail(TenantId.DEFAULT, Optional.empty(), "invoice", "ada@example.com",
                        "Invoice DMS-2026-000001", "Your invoice is attached."), clock.instant());
                Outbox.in(tx).attach(queued, new Attachment("DMS-2026-000001.pdf", "application/pdf", pdf));
                return queued;
            });

            delivery.deliverDue();

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMultipart parts = (MimeMultipart) received[0].getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(String.valueOf(parts.getBodyPart(0).getContent())).contains("Your invoice is attached.");
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("DMS-2026-000001.pdf");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
            assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(pdf);
            assertThat(delivery.find(id).orElseThrow().attachments()).containsExactly("DMS-2026-000001.pdf");
        } finally {
            delivery.stop();
        }
    }

    @Test
    void operatorMailGoesToEveryConfiguredAddressAndNowhereWithoutOne() {
        new OutboxOperatorMail(store, clock, tenants, " ops@dmscloud.example, billing@dmscloud.example ,").notifyOperators("contact",
                "Contact Us: Ada", "Hello");
        new OutboxOperatorMail(store, clock, tenants, "").notifyOperators("contact", "Contact Us: Bob", "Hello");

        List<String> recipients = store.inTransaction(tx -> Outbox.in(tx).latest(Optional.empty(), Optional.empty(), Optional.empty(), 10)).stream()
                .map(m -> m.recipient() + ": " + m.subject()).toList();
        assertThat(recipients).containsExactlyInAnyOrder("ops@dmscloud.example: Contact Us: Ada", "billing@dmscloud.example: Contact Us: Ada");
    }

    @Test
    void whileSmtpIsDownNothingIsLostAndItIsTriedAgainLater() throws Exception {
        OutboxDelivery delivery = new OutboxDelivery(store, clock, configuration("127.0.0.1"));
        try {
            mail.resetPassword(TenantId.DEFAULT, "bob@example.com", "Bob", "r3set");

            delivery.deliverDue(); // nobody listens on the port yet
            OutboxMail failedOnce = delivery.latest(Optional.empty(), Optional.empty(), Optional.empty(), 1).get(0);
            assertThat(failedOnce.status()).isEqualTo("PENDING");
            assertThat(failedOnce.attempts()).isEqualTo(1);
            assertThat(failedOnce.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
            assertThat(failedOnce.lastError()).isPresent();

            smtp.start();
            delivery.deliverDue(); // not due yet
            assertThat(smtp.getReceivedMessages()).isEmpty();
            clock.advance(Duration.ofMinutes(1));
            delivery.deliverDue();

            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(delivery.find(failedOnce.id()).orElseThrow().status()).isEqualTo("SENT");
        } finally {
            delivery.stop();
        }
    }

    @Test
    void afterItsLastAttemptAMailIsGivenUpUntilAnOperatorRetriesIt() throws Exception {
        OutboxDelivery delivery = new OutboxDelivery(store, clock, configuration("127.0.0.1", 2));
        try {
            mail.alreadyRegistered(TenantId.DEFAULT, "cy@example.com");
            delivery.deliverDue();
            clock.advance(Duration.ofMinutes(1));
            delivery.deliverDue();
            OutboxMail given = delivery.latest(Optional.empty(), Optional.of("failed"), Optional.empty(), 1).get(0);
            assertThat(given.attempts()).isEqualTo(2);

            smtp.start();
            assertThat(delivery.retry(given.id())).isTrue();
            delivery.deliverDue();

            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(delivery.retry(given.id())).as("a sent mail is not sent again").isFalse();
        } finally {
            delivery.stop();
        }
    }

    @Test
    void withoutAnSmtpServerMailStaysInTheOutboxForOperators() {
        OutboxDelivery delivery = new OutboxDelivery(store, clock, configuration(""));
        try {
            mail.verifyAddress(TenantId.DEFAULT, "dee@example.com", "Dee", "t0k");
            delivery.deliverDue();

            List<OutboxMail> waiting = delivery.latest(Optional.empty(), Optional.of("PENDING"), Optional.of("dee@example.com"), 10);
            assertThat(waiting).singleElement().satisfies(m -> {
                assertThat(m.body()).contains("token=t0k");
                assertThat(m.attempts()).as("no attempt without a server").isZero();
            });
            assertThat(delivery.deliveryStatus()).contains("no smtpHost");
        } finally {
            delivery.stop();
        }
    }

    @Test
    void aResellersCustomersGetMailInItsBrandFromItsSenderWithLinksToItsPortal() throws Exception {
        smtp.start();
        TenantId acme = new TenantId("acme");
        tenants.create(acme, TestTenants.acme(), "operator-jane");
        OutboxDelivery delivery = new OutboxDelivery(store, clock, configuration("127.0.0.1"));
        try {
            mail.verifyAddress(acme, "ada@example.com", "Ada", "acme-tok");
            mail.verifyAddress(TenantId.DEFAULT, "ada@example.com", "Ada", "platform-tok");

            delivery.deliverDue();

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(2);
            MimeMessage resellers = received[0].getSubject().contains("Acme") ? received[0] : received[1];
            MimeMessage platforms = resellers == received[0] ? received[1] : received[0];
            assertThat(resellers.getSubject()).isEqualTo("Confirm your email address for Acme DMS");
            assertThat(((InternetAddress) resellers.getFrom()[0]).getAddress()).isEqualTo("noreply@acme.example");
            assertThat(((InternetAddress) resellers.getFrom()[0]).getPersonal()).isEqualTo("Acme DMS");
            assertThat(String.valueOf(resellers.getContent())).contains("https://portal.acme.example/verify?token=acme-tok")
                    .contains("support@acme.example").doesNotContain("DMS Cloud").doesNotContain("portal.example/");
            assertThat(platforms.getSubject()).isEqualTo("Confirm your email address for DMS Cloud");
            assertThat(((InternetAddress) platforms.getFrom()[0]).getAddress()).isEqualTo("no-reply@dmscloud.example");
            assertThat(String.valueOf(platforms.getContent())).contains("https://portal.example/verify?token=platform-tok")
                    .doesNotContain("Acme");
            assertThat(delivery.latest(Optional.of(acme), Optional.empty(), Optional.empty(), 10)).singleElement()
                    .satisfies(m -> assertThat(m.recipient()).isEqualTo("ada@example.com"));
        } finally {
            delivery.stop();
        }
    }

    @Test
    void aResellersMessagesGoToItsSupportAddressTheDefaultTenantsToTheOperators() {
        TenantId acme = new TenantId("acme");
        tenants.create(acme, TestTenants.acme(), "operator-jane");
        OutboxOperatorMail operators = new OutboxOperatorMail(store, clock, tenants, "ops@dmscloud.example");

        operators.notifyTenant(acme, "contact", "Contact Us: Ada", "Hello Acme");
        operators.notifyTenant(TenantId.DEFAULT, "contact", "Contact Us: Bob", "Hello platform");

        List<String> queued = store.inTransaction(tx -> Outbox.in(tx).latest(Optional.empty(), Optional.empty(), Optional.empty(), 10))
                .stream().map(m -> m.tenant() + " " + m.recipient() + ": " + m.subject()).toList();
        assertThat(queued).containsExactlyInAnyOrder("acme support@acme.example: Contact Us: Ada",
                "default ops@dmscloud.example: Contact Us: Bob");
    }

    @Test
    void mailIsQueuedOnlyIfWhatCausedItCommits() {
        try {
            store.inTransaction(tx -> {
                mail.verifyAddress(TenantId.DEFAULT, "eli@example.com", "Eli", "t");
                throw new IllegalStateException("the registration failed after all");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        List<org.dmscloud.mail.internal.MailRecord> queued = store.inTransaction(tx -> Outbox.in(tx).latest(Optional.empty(),
                Optional.empty(), Optional.of("eli@example.com"), 10));
        assertThat(queued).isEmpty();
    }

    private MailConfiguration configuration(String host) {
        return configuration(host, 12);
    }

    /** SMTP on the test's port, no TLS; polled by hand (the schedule is an hour). */
    private MailConfiguration configuration(String host, int maxAttempts) {
        return Configurations.of(MailConfiguration.class, Map.of("smtpHost", host, "smtpPort", port, "smtpStartTls", false,
                "pollSeconds", 3_600, "maxAttempts", maxAttempts, "timeoutSeconds", 5, "portalUrl", "https://portal.example"));
    }
}
