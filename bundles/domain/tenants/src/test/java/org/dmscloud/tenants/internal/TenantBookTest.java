package org.dmscloud.tenants.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.Tenant;
import org.dmscloud.api.tenant.TenantAuditEntry;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.api.tenant.TenantStatus;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantBookTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final TenantId ACME = new TenantId("acme");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T10:00:00Z"));
    private TestDatabases.OpenStore database;
    private TenantBook tenants;

    @BeforeEach
    void start() {
        database = TestDatabases.open(TestDatabases.h2(), TestDatabases.TENANTS);
        tenants = new TenantBook(database.store(), clock, USD);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void theDefaultTenantOfAnOlderInstallationIsGivenThePlatformsSettingsOnce() {
        Tenant platform = tenants.find(TenantId.DEFAULT).orElseThrow();

        assertThat(platform.name()).isEqualTo("DMS Cloud");
        assertThat(platform.settings().brand()).as("it speaks as the platform").isEmpty();
        assertThat(platform.settings().currency()).as("what new accounts had").isEqualTo(USD);
        assertThat(platform.settings().catalog()).isEqualTo(CatalogSelection.EVERYTHING);
        new TenantBook(database.store(), clock, Currency.getInstance("EUR"));
        assertThat(tenants.audit(TenantId.DEFAULT, 10)).singleElement().satisfies(entry -> assertThat(entry.operator()).isEqualTo("upgrade"));
        assertThat(new TenantBook(database.store(), clock, Currency.getInstance("EUR")).find(TenantId.DEFAULT).orElseThrow().settings().currency())
                .as("settled once").isEqualTo(USD);
    }

    @Test
    void aResellerIsCreatedAndFoundByItsHostNamesInAnyCaseAndWithAPort() {
        Tenant created = tenants.create(ACME, acme(List.of("acme.dms.example", "portal.acme.example")), "operator-jane");

        assertThat(created.status()).isEqualTo(TenantStatus.ENABLED);
        assertThat(tenants.byHost("Portal.ACME.example:8181")).contains(created);
        assertThat(tenants.byHost("acme.dms.example.")).contains(created);
        assertThat(tenants.byHost("nobody.example")).isEmpty();
        assertThat(tenants.list()).extracting(Tenant::id).containsExactly(TenantId.DEFAULT, ACME);
        assertThat(tenants.audit(ACME, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("CREATE");
            assertThat(entry.operator()).isEqualTo("operator-jane");
            assertThat(entry.detail()).contains("acme.dms.example", "Acme DMS");
        });
    }

    @Test
    void settingsThatCannotServeAreRefusedNamingEachOne() {
        TenantSettings wrong = new TenantSettings("", List.of("Not A Host", "localhost", "x.example", "x.example"),
                Optional.of(new Brand("", "support", "noreply@", "ftp://acme")), USD, CatalogSelection.only(Set.of("Business!")),
                new PriceAdjustment(200_000, Map.of("usp", Money.of("-1.00", "USD"))), false);

        assertThatThrownBy(() -> tenants.create(ACME, wrong, "operator-jane")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fields()).containsOnlyKeys("name", "hostNames", "brand.name", "brand.supportAddress", "brand.mailFrom",
                        "brand.portalUrl", "catalog", "markup", "prices"));
        TenantSettings unbranded = new TenantSettings("Acme", List.of("acme.dms.example"), Optional.empty(), USD, CatalogSelection.EVERYTHING,
                PriceAdjustment.NONE, false);
        assertThatThrownBy(() -> tenants.create(ACME, unbranded, "operator-jane")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fields()).containsOnlyKeys("brand"));
        assertThat(tenants.find(ACME)).isEmpty();
    }

    @Test
    void aHostNameAnswersForOneTenantAndAnIdIsTakenOnce() {
        tenants.create(ACME, acme(List.of("acme.dms.example")), "operator-jane");

        assertThatThrownBy(() -> tenants.create(new TenantId("rival"), acme(List.of("acme.dms.example")), "operator-joe"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields().get("hostNames")).contains("acme.dms.example (acme)"));
        assertThatThrownBy(() -> tenants.create(ACME, acme(List.of("other.dms.example")), "operator-joe"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields()).containsKey("id"));
    }

    @Test
    void anUpdateIsAuditedWithWhatChangedAndDisablingKeepsTheSettings() {
        tenants.create(ACME, acme(List.of("acme.dms.example")), "operator-jane");
        TenantSettings repriced = new TenantSettings("Acme Networks", List.of("acme.dms.example", "portal.acme.example"),
                acme(List.of()).brand(), USD, CatalogSelection.only(Set.of("business")), new PriceAdjustment(1_500, Map.of()), false);

        Tenant updated = tenants.update(ACME, repriced, "operator-joe");
        Tenant disabled = tenants.setStatus(ACME, TenantStatus.DISABLED, "unpaid wholesale invoice", "operator-joe");

        assertThat(updated.settings()).isEqualTo(repriced);
        assertThat(disabled.status()).isEqualTo(TenantStatus.DISABLED);
        assertThat(disabled.settings()).isEqualTo(repriced);
        assertThat(tenants.byHost("portal.acme.example")).contains(disabled);
        List<TenantAuditEntry> audit = tenants.audit(ACME, 10);
        assertThat(audit).extracting(TenantAuditEntry::action).containsExactly("DISABLE", "UPDATE", "CREATE");
        assertThat(audit.get(0).detail()).isEqualTo("unpaid wholesale invoice");
        assertThat(audit.get(1).detail()).contains("name Acme → Acme Networks", "catalog everything → only [business]").doesNotContain("currency");
    }

    @Test
    void aChangeMadeOnAnotherNodeIsSeenWithinTheRefresh() {
        TenantBook otherNode = new TenantBook(database.store(), clock, USD);
        assertThat(tenants.byHost("acme.dms.example")).isEmpty();

        otherNode.create(ACME, acme(List.of("acme.dms.example")), "operator-jane");

        assertThat(tenants.byHost("acme.dms.example")).as("this node's snapshot is a few seconds old").isEmpty();
        clock.advance(TenantBook.REFRESH.plus(Duration.ofSeconds(1)));
        assertThat(tenants.byHost("acme.dms.example")).isPresent();
    }

    @Test
    void whileTheDatabaseIsAwayThePortalsGoOnWithTheTenantsLastRead() {
        tenants.create(ACME, acme(List.of("acme.dms.example")), "operator-jane");
        java.util.concurrent.atomic.AtomicBoolean away = new java.util.concurrent.atomic.AtomicBoolean();
        org.dmscloud.persistence.Store flaky = new org.dmscloud.persistence.Store() {
            @Override
            public <R> R inTransaction(org.dmscloud.persistence.TransactionWork<R> work) {
                if (away.get()) {
                    throw new org.dmscloud.persistence.StoreUnavailableException("Connection refused", null);
                }
                return database.store().inTransaction(work);
            }

            @Override
            public <R> R read(org.dmscloud.persistence.TransactionWork<R> work) {
                return inTransaction(work);
            }
        };
        TenantBook node = new TenantBook(flaky, clock, USD);
        assertThat(node.byHost("acme.dms.example")).isPresent();

        away.set(true);
        clock.advance(TenantBook.REFRESH.plus(Duration.ofSeconds(1)));

        assertThat(node.byHost("acme.dms.example")).as("as last read").isPresent();
        assertThatThrownBy(() -> new TenantBook(flaky, clock, USD).find(ACME)).as("a node that never read them cannot know")
                .isInstanceOf(org.dmscloud.api.health.UnavailableException.class);
    }

    private static TenantSettings acme(List<String> hosts) {
        return new TenantSettings("Acme", hosts, Optional.of(new Brand("Acme DMS", "support@acme.example", "noreply@acme.example",
                "https://portal.acme.example")), USD, CatalogSelection.EVERYTHING, PriceAdjustment.NONE, false);
    }
}
