package org.dmscloud.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.DisableReason;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.spi.instance.InstanceEvent;
import org.dmscloud.spi.instance.InstanceEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instance events: written in the change's transaction, heard after it commits, in commit order,
 * at least once, each listener's rows committed with its cursor; on H2 and PostgreSQL.
 */
abstract class InstanceEventsContractTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final TenantId ACME = new TenantId("acme");
    /** Long enough for any test's transaction on a busy machine; the hanging listener's test sets a shorter one. */
    private static final Duration LISTENER_TIMEOUT = Duration.ofSeconds(30);

    private DataSource dataSource;
    private TestDatabases.OpenStore openStore;
    private Store store;
    private TestClock clock;
    private JdbcInstanceJournal journal;
    private InstanceEventDelivery delivery;

    protected abstract DataSource newDatabase();

    @BeforeEach
    void open() throws SQLException {
        dataSource = newDatabase();
        openStore = TestDatabases.open(dataSource, TestDatabases.EVENTS);
        store = openStore.store();
        clock = new TestClock(NOW);
        journal = new JdbcInstanceJournal(store);
        delivery = new InstanceEventDelivery(store, clock, 3, Duration.ZERO, Duration.ofDays(30), LISTENER_TIMEOUT);
        execute("CREATE TABLE heard (event_id BIGINT NOT NULL, listener VARCHAR(50) NOT NULL, PRIMARY KEY (event_id, listener))");
    }

    @AfterEach
    void close() {
        released.countDown();
        delivery.deactivate();
        openStore.close();
    }

    /** What a hanging listener waits for. */
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

    @Test
    void aListenerHearsEveryCommittedEventOnceInCommitOrderAndNeverARolledBackOne() {
        Recording listener = listen("reports", Optional.empty());
        InstanceEvent created = event(InstanceEvent.Type.CREATED, TenantId.DEFAULT);
        InstanceEvent charged = event(InstanceEvent.Type.CHARGED, TenantId.DEFAULT);
        InstanceEvent rolledBack = event(InstanceEvent.Type.DELETED, TenantId.DEFAULT);

        record(created, charged);
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            journal.record(List.of(rolledBack));
            throw new IllegalStateException("the charge failed");
        })).hasMessage("the charge failed");
        for (int i = 0; i < 5; i++) {
            record(event(InstanceEvent.Type.CHARGED, TenantId.DEFAULT));
        }
        delivery.deliverPending();
        delivery.deliverPending();

        assertThat(listener.events).hasSize(7);
        assertThat(listener.events.subList(0, 2)).extracting(InstanceEvent::type).containsExactly(created.type(), charged.type());
        assertThat(listener.events).extracting(InstanceEvent::instance).doesNotContain(rolledBack.instance());
        assertThat(listener.events).extracting(InstanceEvent::id).doesNotHaveDuplicates().isSorted();
        // What the listener was given is what was recorded, with its id.
        assertThat(listener.events.get(0).toBuilder().id(0).build()).isEqualTo(created);
    }

    @Test
    void whatAListenerWritesCommitsWithItsCursorSoAHandledEventLeavesOneRow() throws SQLException {
        listen("reports", Optional.empty());
        record(event(InstanceEvent.Type.CREATED, TenantId.DEFAULT), event(InstanceEvent.Type.CHARGED, TenantId.DEFAULT));

        delivery.deliverPending();
        delivery.deliverPending();

        assertThat(count("SELECT COUNT(*) FROM heard WHERE listener = 'reports'")).isEqualTo(2);
    }

    @Test
    void aListenerThatThrowsGetsTheEventAgainWithItsWritesRolledBackAndTheOtherListenersGoOn() throws SQLException {
        Recording steady = listen("steady", Optional.empty());
        Recording flaky = listen("flaky", Optional.empty());
        record(event(InstanceEvent.Type.CREATED, TenantId.DEFAULT));
        InstanceEvent poison = event(InstanceEvent.Type.SETTINGS_CHANGED, TenantId.DEFAULT);
        record(poison);
        record(event(InstanceEvent.Type.DELETED, TenantId.DEFAULT));
        flaky.failOn = poison.instance();

        delivery.deliverPending();

        assertThat(steady.events).hasSize(3);
        // The event before the failing one stays handled (its batch, rolled back, was handed out again up to
        // the failing one: at least once); the failing one and those after it wait.
        assertThat(flaky.events).extracting(InstanceEvent::type).containsOnly(InstanceEvent.Type.CREATED);
        assertThat(count("SELECT COUNT(*) FROM heard WHERE listener = 'flaky'")).isEqualTo(1);

        flaky.failOn = null;
        delivery.deliverPending();

        assertThat(flaky.events).extracting(InstanceEvent::type)
                .endsWith(InstanceEvent.Type.CREATED, InstanceEvent.Type.SETTINGS_CHANGED, InstanceEvent.Type.DELETED);
        assertThat(count("SELECT COUNT(*) FROM heard WHERE listener = 'flaky'")).isEqualTo(3);
        assertThat(steady.events).hasSize(3);
    }

    @Test
    void aListenerThatThrowsAnErrorIsTreatedAsOneThatThrowsAndDeliveryGoesOn() throws SQLException {
        Recording steady = listen("steady", Optional.empty());
        Recording crashing = listen("crashing", Optional.empty());
        InstanceEvent poison = event(InstanceEvent.Type.CREATED, TenantId.DEFAULT);
        record(poison);
        crashing.crashOn = poison.instance();

        delivery.deliverPending();
        crashing.crashOn = null;
        delivery.deliverPending();

        assertThat(steady.events).hasSize(1);
        assertThat(crashing.events).extracting(InstanceEvent::instance).containsExactly(poison.instance());
        assertThat(count("SELECT COUNT(*) FROM heard WHERE listener = 'crashing'")).as("its first try rolled back").isEqualTo(1);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // without the bound, the round waits for the hung listener for ever
    void aListenerThatHangsIsLeftBehindAfterTheTimeoutTheOthersGoOnAndWhenItEndsNothingIsHeardTwice() throws Exception {
        delivery.deactivate();
        delivery = new InstanceEventDelivery(store, clock, 3, Duration.ZERO, Duration.ofDays(30), Duration.ofSeconds(2));
        Recording steady = listen("steady", Optional.empty());
        Recording hung = listen("hung", Optional.empty());
        InstanceEvent stuck = event(InstanceEvent.Type.CREATED, TenantId.DEFAULT);
        record(stuck, event(InstanceEvent.Type.CHARGED, TenantId.DEFAULT));
        hung.hangOn = stuck.instance();

        delivery.deliverPending();
        record(event(InstanceEvent.Type.DELETED, TenantId.DEFAULT));
        delivery.deliverPending(); // the hung transaction still runs: that listener gets nothing more meanwhile

        assertThat(steady.events).hasSize(3);
        assertThat(hung.events).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM heard WHERE listener = 'hung'")).as("nothing of the hung transaction committed").isZero();

        // It ends and commits what it was given; the next rounds hand it the rest, and nothing twice (heard's key would refuse it).
        hung.hangOn = null;
        released.countDown();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("SELECT COUNT(*) FROM heard WHERE listener = 'hung'") < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            delivery.deliverPending();
        }
        assertThat(hung.events).extracting(InstanceEvent::type).containsExactly(InstanceEvent.Type.CREATED, InstanceEvent.Type.CHARGED,
                InstanceEvent.Type.DELETED);
        assertThat(count("SELECT COUNT(*) FROM heard WHERE listener = 'hung'")).isEqualTo(3);
    }

    @Test
    void aTenantsListenerHearsOnlyItsTenantsInstances() {
        delivery.tenants = tenantsBinding(ACME, "org.example.reports");
        Recording acme = listen("acme-reports", Optional.of(ACME));
        Recording platform = listen("all", Optional.empty());
        InstanceEvent acmes = event(InstanceEvent.Type.CREATED, ACME);
        record(event(InstanceEvent.Type.CREATED, TenantId.DEFAULT), acmes, event(InstanceEvent.Type.CREATED, new TenantId("other")));

        delivery.deliverPending();

        assertThat(acme.events).extracting(InstanceEvent::instance).containsExactly(acmes.instance());
        assertThat(platform.events).hasSize(3);
    }

    @Test
    void aTenantsListenerFromABundleTheTenantHasNotBoundHearsNothingOfIt() {
        delivery.tenants = tenantsBinding(ACME, "org.example.someone-else");
        Recording unbound = listen("acme-reports", Optional.of(ACME));
        record(event(InstanceEvent.Type.CREATED, ACME));

        delivery.deliverPending();

        assertThat(unbound.events).as("a tenant's instances are not told to a bundle no operator let act for it").isEmpty();
    }

    /** The tenant, with these bundles bound to it, as the tenants' directory has them. */
    private static org.dmscloud.api.tenant.TenantDirectory tenantsBinding(TenantId tenant, String bundle) {
        org.dmscloud.api.tenant.Tenant found = new org.dmscloud.api.tenant.Tenant(tenant, new org.dmscloud.api.tenant.TenantSettings(tenant.value(),
                List.of(), Optional.empty(), java.util.Currency.getInstance("EUR"), org.dmscloud.api.tenant.CatalogSelection.EVERYTHING,
                org.dmscloud.api.tenant.PriceAdjustment.NONE, false, java.util.Set.of(bundle)), org.dmscloud.api.tenant.TenantStatus.ENABLED,
                java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        return new org.dmscloud.api.tenant.TenantDirectory() {
            @Override
            public Optional<org.dmscloud.api.tenant.Tenant> find(TenantId id) {
                return id.equals(tenant) ? Optional.of(found) : Optional.empty();
            }

            @Override
            public Optional<org.dmscloud.api.tenant.Tenant> byHost(String hostName) {
                return Optional.empty();
            }

            @Override
            public List<org.dmscloud.api.tenant.Tenant> list() {
                return List.of(found);
            }
        };
    }

    @Test
    void aListenerRegisteredForTheFirstTimeHearsFromThenOnAndAfterARestartWhereItStopped() {
        record(event(InstanceEvent.Type.CREATED, TenantId.DEFAULT));
        delivery.deliverPending();
        Recording late = listen("late", Optional.empty());
        delivery.deliverPending();
        InstanceEvent after = event(InstanceEvent.Type.CHARGED, TenantId.DEFAULT);
        record(after);
        delivery.deliverPending();
        assertThat(late.events).extracting(InstanceEvent::instance).containsExactly(after.instance());

        // The node restarts; an event comes while the listener's bundle is stopped.
        delivery.removeListener("late");
        InstanceEvent whileAway = event(InstanceEvent.Type.DELETED, TenantId.DEFAULT);
        record(whileAway);
        delivery.deliverPending();
        InstanceEventDelivery restarted = new InstanceEventDelivery(store, clock, 3, Duration.ZERO, Duration.ofDays(30), LISTENER_TIMEOUT);
        Recording back = new Recording("late");
        restarted.addListener("late", "org.example.reports", "late", Optional.empty(), back);
        restarted.deliverPending();

        assertThat(back.events).extracting(InstanceEvent::instance).containsExactly(whileAway.instance());
    }

    @Test
    void anEventCommittedAfterALaterOneIsStillHeard() throws Exception {
        Recording listener = listen("reports", Optional.empty());
        InstanceEvent slow = event(InstanceEvent.Type.CREATED, TenantId.DEFAULT);
        InstanceEvent fast = event(InstanceEvent.Type.CREATED, TenantId.DEFAULT);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // The slow transaction gets the lower id, and commits last.
        CompletableFuture<Void> slowTransaction = CompletableFuture.runAsync(() -> store.inTransaction(tx -> {
            journal.record(List.of(slow));
            written.countDown();
            await(commit);
            return null;
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        record(fast);
        delivery.deliverPending();
        assertThat(listener.events).extracting(InstanceEvent::instance).containsExactly(fast.instance());

        commit.countDown();
        slowTransaction.get(10, TimeUnit.SECONDS);
        delivery.deliverPending();

        assertThat(listener.events).extracting(InstanceEvent::instance).containsExactly(fast.instance(), slow.instance());
    }

    @Test
    void eventsOlderThanTheRetentionAreDeletedOnceOrdered() throws SQLException {
        listen("reports", Optional.empty());
        record(event(InstanceEvent.Type.CREATED, TenantId.DEFAULT));
        clock.advance(Duration.ofDays(31));
        InstanceEvent recent = event(InstanceEvent.Type.CHARGED, TenantId.DEFAULT);
        record(recent);

        delivery.deliverPending();

        assertThat(count("SELECT COUNT(*) FROM instance_event")).isEqualTo(1);
    }

    @Test
    void aListenerWithANameThatCannotKeepItsPlaceIsRefused() {
        assertThatThrownBy(() -> delivery.addListener("bad", "org.example", "two words", Optional.empty(), new Recording("bad")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two words");
    }

    /** Registers a listener and lets it take its place in the stream, as its first round does. */
    private Recording listen(String name, Optional<TenantId> tenant) {
        Recording listener = new Recording(name);
        delivery.addListener(name, "org.example.reports", name, tenant, listener);
        delivery.deliverPending();
        return listener;
    }

    private void record(InstanceEvent... events) {
        store.inTransaction(tx -> {
            journal.record(List.of(events));
            return null;
        });
    }

    private InstanceEvent event(InstanceEvent.Type type, TenantId tenant) {
        boolean disabled = type == InstanceEvent.Type.DELETED;
        InstanceEvent.Builder event = InstanceEvent.builder().type(type).occurredAt(clock.instant()).instance(InstanceId.random())
                .account(AccountId.random()).tenant(tenant).configuration(InstanceConfiguration.of("starter", 250, Set.of("backup", "sla")))
                .state(disabled ? InstanceState.DISABLED : InstanceState.ENABLED).paidUntil(NOW.plus(Duration.ofHours(14)))
                .paidRate(Money.ofMinor(1_234, EUR));
        if (disabled) {
            event.disableReason(DisableReason.INSUFFICIENT_FUNDS);
        }
        if (type == InstanceEvent.Type.CHARGED) {
            event.balanceChange(Money.ofMinor(-1_234, EUR)).ledgerEntry(42);
        }
        return event.build();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A listener as a plugin writes one: a row of its own per event, through the transaction it is called in. */
    private final class Recording implements InstanceEventListener {

        private final String name;
        final List<InstanceEvent> events = Collections.synchronizedList(new ArrayList<>());
        volatile InstanceId failOn;
        volatile InstanceId crashOn;
        volatile InstanceId hangOn;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public void onEvent(InstanceEvent event) {
            store.inTransaction(tx -> {
                try (PreparedStatement insert = tx.connection().prepareStatement("INSERT INTO heard (event_id, listener) VALUES (?, ?)")) {
                    insert.setLong(1, event.id());
                    insert.setString(2, name);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            if (event.instance().equals(failOn)) {
                throw new IllegalStateException("the report server is down");
            }
            if (event.instance().equals(crashOn)) {
                throw new NoClassDefFoundError("org/example/reports/Report");
            }
            while (event.instance().equals(hangOn) && released.getCount() > 0) {
                try {
                    released.await();
                } catch (InterruptedException ignored) {
                    // A careless listener goes on waiting.
                }
            }
            events.add(event);
        }
    }
}
