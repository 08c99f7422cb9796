package org.dmscloud.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.mail.Attachment;
import org.dmscloud.persistence.testing.StoreTest;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestTenants;
import org.dmscloud.tenants.internal.TenantBook;
import org.junit.jupiter.api.Test;

/** The mail bundle's outbox tables on every database the platform supports: each subclass brings one. */
abstract class OutboxContractTest extends StoreTest {

    OutboxContractTest() {
        super(TestDatabases.TENANTS, TestDatabases.MAIL);
    }

    @Test
    void aMailKeepsItsTenantSenderAndAttachments() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        TenantId reseller = TestTenants.ACME;
        new TenantBook(store, new TestClock(at), Currency.getInstance("EUR")).create(reseller, TestTenants.acme(), "operator-jane");
        long mail = store.inTransaction(tx -> {
            long id = Outbox.in(tx).add(new OutgoingMail(reseller, Optional.of("Acme DMS <noreply@acme.example>"), "invoice",
                    "ada@example.com", "Invoice", "See the PDF."), at);
            Outbox.in(tx).attach(id, new Attachment("invoice.pdf", "application/pdf", new byte[] { 1, 2, 3 }));
            Outbox.in(tx).attach(id, new Attachment("terms.txt", "text/plain", new byte[] { 4 }));
            return id;
        });
        long platformMail = store.inTransaction(tx -> Outbox.in(tx).add(new OutgoingMail(TenantId.DEFAULT, Optional.empty(), "invoice",
                "ada@example.com", "Invoice", "See the PDF."), at));

        List<Attachment> attachments = store.inTransaction(tx -> Outbox.in(tx).attachments(mail));
        assertThat(attachments).extracting(Attachment::fileName).containsExactly("invoice.pdf", "terms.txt");
        assertThat(attachments.get(0).content()).containsExactly(1, 2, 3);
        MailRecord found = store.inTransaction(tx -> Outbox.in(tx).find(mail)).orElseThrow();
        assertThat(found.tenant()).isEqualTo(reseller);
        assertThat(found.sender()).contains("Acme DMS <noreply@acme.example>");
        assertThat(store.inTransaction(tx -> Outbox.in(tx).find(platformMail)).orElseThrow().sender()).isEmpty();
        List<MailRecord> resellers = store.inTransaction(tx -> Outbox.in(tx).latest(Optional.of(reseller), Optional.empty(), Optional.empty(), 10));
        assertThat(resellers).extracting(MailRecord::id).containsExactly(mail);
    }
}
