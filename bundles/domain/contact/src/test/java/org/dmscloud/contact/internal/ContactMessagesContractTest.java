package org.dmscloud.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.contact.ContactMessage;
import org.dmscloud.api.contact.ContactTopic;
import org.dmscloud.persistence.testing.StoreTest;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.persistence.testing.TestTenants;
import org.dmscloud.tenants.testing.TenantRows;
import org.junit.jupiter.api.Test;

/** The contact bundle's table on every database the platform supports: each subclass brings one. */
abstract class ContactMessagesContractTest extends StoreTest {

    ContactMessagesContractTest() {
        super(TestDatabases.TENANTS, TestDatabases.CONTACT);
    }

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void contactMessagesAreKeptWholeCountedPerAddressAndListedNewestFirstPerTenant() {
        TenantRows.ensure(store, TestTenants.ACME, AT);
        String longText = "Ünïcödé line\n".repeat(400);
        ContactMessage first = add(new ContactMessage(0, TenantId.DEFAULT, "Ada", "ada@example.com", "Example GmbH",
                ContactTopic.BANK_TRANSFER_TOP_UP, longText, "192.0.2.1", AT));
        ContactMessage second = add(new ContactMessage(0, TenantId.DEFAULT, "Bob", "bob@example.com", "", ContactTopic.SALES, "Hello",
                "192.0.2.2", AT.plusSeconds(60)));
        ContactMessage resellers = add(new ContactMessage(0, TestTenants.ACME, "Cy", "cy@example.com", "", ContactTopic.SALES, "Hi",
                "192.0.2.3", AT.plusSeconds(120)));

        assertThat(second.id()).isGreaterThan(first.id());
        Optional<ContactMessage> found = store.inTransaction(tx -> ContactMessages.in(tx).find(first.id()));
        assertThat(found).contains(first);
        assertThat(found.orElseThrow().message()).isEqualTo(longText);
        assertThat(latest(Optional.of(TenantId.DEFAULT), Optional.empty())).containsExactly(second, first);
        assertThat(latest(Optional.empty(), Optional.empty())).containsExactly(resellers, second, first);
        assertThat(latest(Optional.of(TenantId.DEFAULT), Optional.of(ContactTopic.SALES))).containsExactly(second);
        int fromFirst = store.inTransaction(tx -> ContactMessages.in(tx).countSince(Optional.of("192.0.2.1"), AT));
        int fromAnywhereLately = store.inTransaction(tx -> ContactMessages.in(tx).countSince(Optional.empty(), AT.plusSeconds(1)));
        assertThat(List.of(fromFirst, fromAnywhereLately)).containsExactly(1, 2);
    }

    private ContactMessage add(ContactMessage message) {
        return store.inTransaction(tx -> ContactMessages.in(tx).add(message));
    }

    private List<ContactMessage> latest(Optional<TenantId> tenant, Optional<ContactTopic> topic) {
        return store.inTransaction(tx -> ContactMessages.in(tx).latest(tenant, topic, 10));
    }
}
