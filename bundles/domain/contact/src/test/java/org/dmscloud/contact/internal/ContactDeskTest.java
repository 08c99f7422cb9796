package org.dmscloud.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.contact.ContactMessage;
import org.dmscloud.api.contact.ContactRateLimitException;
import org.dmscloud.api.contact.ContactTopic;
import org.dmscloud.api.contact.NewContactMessage;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.mail.OperatorMail;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.Configurations;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.tenants.testing.TenantRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Contact Us desk with the tenants' and its own tables, and the operators' mail as the mail bundle's service
 * would take it (which address serves a tenant is the mail bundle's, tested there).
 */
class ContactDeskTest {

    private static final NewContactMessage BANK_TRANSFER = new NewContactMessage(" Ada Lovelace ", "Ada@Example.COM", "Example GmbH",
            "bank-transfer-top-up", "We would like to top up 5000 EUR by bank transfer.\nPlease send a contract.");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final TestDatabases.OpenStore database = TestDatabases.open(TestDatabases.h2(), TestDatabases.TENANTS, TestDatabases.CONTACT);
    private final Store store = database.store();
    private final RecordingOperatorMail mail = new RecordingOperatorMail();
    private final ContactDesk desk = desk(Map.of("maxPerAddress", 3, "maxOverall", 5, "windowMinutes", 60));

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aMessageIsStoredAsWrittenAndMailedToTheOperators() {
        ContactMessage message = desk.submit(TenantId.DEFAULT, BANK_TRANSFER, "192.0.2.10");

        assertThat(message.name()).isEqualTo("Ada Lovelace");
        assertThat(message.email()).isEqualTo("ada@example.com");
        assertThat(message.topic()).isEqualTo(ContactTopic.BANK_TRANSFER_TOP_UP);
        assertThat(message.clientAddress()).isEqualTo("192.0.2.10");
        assertThat(message.createdAt()).isEqualTo(clock.instant());
        assertThat(desk.find(message.id())).contains(message);
        assertThat(desk.latest(Optional.empty(), Optional.empty(), 10)).containsExactly(message);
        assertThat(mail.sent).singleElement().satisfies(mail -> {
            assertThat(mail.tenant()).isEqualTo(TenantId.DEFAULT);
            assertThat(mail.kind()).isEqualTo("contact");
            assertThat(mail.subject()).isEqualTo("Contact Us (Bank transfer top-up): Ada Lovelace, Example GmbH");
            assertThat(mail.body()).contains("ada@example.com", "We would like to top up 5000 EUR by bank transfer.\nPlease send a contract.",
                    "dms:contact-show " + message.id(), "192.0.2.10");
        });
    }

    @Test
    void everyFieldAPersonMustCorrectIsNamedAndNothingIsStored() {
        NewContactMessage bad = new NewContactMessage("", "not-an-address", "x".repeat(201), "pricing", " ");

        assertThatThrownBy(() -> desk.submit(TenantId.DEFAULT, bad, "192.0.2.10")).isInstanceOfSatisfying(InvalidInputException.class,
                invalid -> {
                    assertThat(invalid.fields()).containsOnlyKeys("name", "email", "company", "topic", "message");
                    assertThat(invalid.fields().get("topic")).contains("general", "bank-transfer-top-up");
                });
        assertThatThrownBy(() -> desk.submit(TenantId.DEFAULT, new NewContactMessage("Ada\r\nBcc: victim@example.com", "ada@example.com", "", "sales",
                "Hi"), "192.0.2.10")).isInstanceOfSatisfying(InvalidInputException.class,
                        invalid -> assertThat(invalid.fields()).containsOnlyKeys("name"));
        assertThatThrownBy(() -> desk.submit(TenantId.DEFAULT, new NewContactMessage(null, null, null, null, null), "192.0.2.10"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> desk.submit(TenantId.DEFAULT, new NewContactMessage("Ada", "ada@example.com", "", "sales",
                "x".repeat(ContactDesk.MAX_MESSAGE + 1)), "192.0.2.10")).isInstanceOf(InvalidInputException.class);

        assertThat(desk.latest(Optional.empty(), Optional.empty(), 10)).isEmpty();
        assertThat(mail.sent).isEmpty();
    }

    @Test
    void oneAddressIsRefusedAfterItsLimitUntilTheWindowPassesAndOthersAreNot() {
        for (int i = 0; i < 3; i++) {
            desk.submit(TenantId.DEFAULT, BANK_TRANSFER, "192.0.2.10");
            clock.advance(Duration.ofMinutes(1));
        }

        assertThatThrownBy(() -> desk.submit(TenantId.DEFAULT, BANK_TRANSFER, "192.0.2.10")).isInstanceOfSatisfying(ContactRateLimitException.class,
                limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofMinutes(60)));
        assertThat(desk.submit(TenantId.DEFAULT, BANK_TRANSFER, "192.0.2.11").clientAddress()).isEqualTo("192.0.2.11");
        clock.advance(Duration.ofMinutes(58));
        assertThat(desk.submit(TenantId.DEFAULT, BANK_TRANSFER, "192.0.2.10").clientAddress()).isEqualTo("192.0.2.10");
        assertThat(desk.latest(Optional.empty(), Optional.empty(), 10)).hasSize(5);
    }

    @Test
    void aFloodFromManyAddressesIsCappedOverall() {
        for (int i = 0; i < 5; i++) {
            desk.submit(TenantId.DEFAULT, BANK_TRANSFER, "198.51.100." + i);
        }

        assertThatThrownBy(() -> desk.submit(TenantId.DEFAULT, BANK_TRANSFER, "203.0.113.1")).isInstanceOf(ContactRateLimitException.class)
                .hasMessageContaining("very many messages");
        assertThat(mail.sent).hasSize(5);
    }

    @Test
    void theInboxListsNewestFirstAndByTopic() {
        ContactMessage first = desk.submit(TenantId.DEFAULT, BANK_TRANSFER, "192.0.2.10");
        ContactMessage sales = desk.submit(TenantId.DEFAULT, new NewContactMessage("Bob", "bob@example.com", "", "sales", "Prices for 50k CPE?"), "192.0.2.20");

        assertThat(desk.latest(Optional.empty(), Optional.empty(), 10)).containsExactly(sales, first);
        assertThat(desk.latest(Optional.empty(), Optional.of(ContactTopic.SALES), 10)).containsExactly(sales);
        assertThat(desk.latest(Optional.empty(), Optional.empty(), 1)).containsExactly(sales);
        assertThat(desk.find(sales.id() + 1000)).isEmpty();
    }

    @Test
    void aResellersMessagesAreItsOwnAndGoToItsSupportAddress() {
        TenantId acme = new TenantId("acme");
        TenantRows.ensure(store, acme, clock.instant());

        ContactMessage resellers = desk.submit(acme, BANK_TRANSFER, "192.0.2.10");
        ContactMessage platforms = desk.submit(TenantId.DEFAULT, BANK_TRANSFER, "192.0.2.10");

        assertThat(resellers.tenant()).isEqualTo(acme);
        assertThat(desk.latest(Optional.of(acme), Optional.empty(), 10)).containsExactly(resellers);
        assertThat(desk.latest(Optional.of(TenantId.DEFAULT), Optional.empty(), 10)).containsExactly(platforms);
        assertThat(mail.sent).extracting(Sent::tenant, sent -> sent.body().contains("dms:contact-show " + resellers.id()),
                sent -> sent.body().contains("dms:contact-show " + platforms.id()))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(acme, true, false), org.assertj.core.groups.Tuple.tuple(TenantId.DEFAULT, false, true));
    }

    private ContactDesk desk(Map<String, Object> configuration) {
        return new ContactDesk(store, clock, mail, Configurations.of(ContactConfiguration.class, configuration));
    }

    record Sent(TenantId tenant, String kind, String subject, String body) {
    }

    /** The operators' mail as the desk hands it over: to the people who serve the message's tenant. */
    private static final class RecordingOperatorMail implements OperatorMail {

        final List<Sent> sent = new ArrayList<>();

        @Override
        public void notifyOperators(String kind, String subject, String body) {
            throw new AssertionError("a Contact Us message goes to its tenant's people, not to the platform's operators as such");
        }

        @Override
        public void notifyTenant(TenantId tenant, String kind, String subject, String body) {
            sent.add(new Sent(tenant, kind, subject, body));
        }
    }
}
