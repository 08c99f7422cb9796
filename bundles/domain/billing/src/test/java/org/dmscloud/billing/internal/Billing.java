package org.dmscloud.billing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.billing.LedgerEntry;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.ActionOptions;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.NewInstance;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.billing.internal.store.BillingStore;
import org.dmscloud.billing.internal.store.TestBillingStore;
import org.dmscloud.events.internal.TestInstanceEvents;
import org.dmscloud.mail.internal.MailRecord;
import org.dmscloud.mail.internal.Outbox;
import org.dmscloud.mail.internal.OutboxCustomerMail;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.tenants.internal.TenantBook;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The billing engine as it runs in the platform, wired by hand over a real database, with a clock and
 * a price list the test controls, and the events it posts collected.
 */
final class Billing implements AutoCloseable {

    static final Currency EUR = Currency.getInstance("EUR");

    final TestClock clock;
    final PriceList prices = new PriceList();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final TestDatabases.OpenStore database;
    final TestBillingStore billingStore;
    /** Billing's tables; {@link #platform} for the other bundles'. */
    final BillingStore store;
    final Store platform;
    final TenantBook tenants;
    final BillingInstanceService instances;
    final BillingQuoteService quotes;
    final LedgerBalanceService balances;
    final DailyRun dailyRun;
    final AccountCoverage coverage;
    final TestInstanceEvents lifecycle;
    private final Map<AccountId, List<String>> addresses = new java.util.concurrent.ConcurrentHashMap<>();

    Billing(DataSource dataSource, Instant now) {
        this(dataSource, now, 500);
    }

    Billing(DataSource dataSource, Instant now, int batchSize) {
        this.clock = new TestClock(now);
        this.database = TestDatabases.open(dataSource, TestDatabases.TENANTS, TestDatabases.MAIL);
        this.billingStore = TestBillingStore.on(database);
        this.store = billingStore.store();
        this.platform = database.store();
        this.lifecycle = TestInstanceEvents.open(platform, dataSource, clock);
        this.instances = new BillingInstanceService(store, prices, clock, lifecycle.journal());
        this.instances.eventAdmin = recordingEventAdmin();
        this.quotes = new BillingQuoteService(store, prices, clock);
        this.balances = new LedgerBalanceService(store, clock);
        this.coverage = new AccountCoverage(store, prices, clock);
        this.dailyRun = new DailyRun(store, prices, clock, new BillingEventPublisher(this::recordingEventAdmin), lifecycle.journal(), "test-node",
                batchSize, 2);
        this.tenants = new TenantBook(platform, clock, EUR);
        OutboxCustomerMail mail = new OutboxCustomerMail(platform, clock, tenants, account -> addresses.getOrDefault(account, List.of()), new Brand("DMS Cloud", "", "DMS Cloud <no-reply@dmscloud.example>", "https://portal.example"));
        this.dailyRun.customerMail = mail;
        this.balances.customerMail = mail;
    }

    /** Another node on the same database: its own services, the same clock and prices. */
    DailyRun otherNode(String name) {
        DailyRun node = new DailyRun(store, prices, clock, new BillingEventPublisher(this::recordingEventAdmin), lifecycle.journal(), name, 500, 2);
        node.customerMail = dailyRun.customerMail;
        return node;
    }

    /**
     * A verified portal user of the account, to whom its mail goes. Users are the customers bundle's, which builds
     * on billing; here the account's addresses are what {@code AccountContacts} would answer for them.
     */
    String user(Account account) {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        addresses.computeIfAbsent(account.id(), id -> new CopyOnWriteArrayList<>()).add(email);
        return email;
    }

    /** The mail queued for a recipient, oldest first. */
    List<MailRecord> mailTo(String recipient) {
        List<MailRecord> mails = new ArrayList<>(platform.inTransaction(tx -> Outbox.in(tx).latest(java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of(recipient), 100)));
        java.util.Collections.reverse(mails);
        return mails;
    }

    Account account(String balance) {
        return account(TenantId.DEFAULT, balance);
    }

    /** A reseller tenant with its brand, whose customers see the platform's catalog. */
    TenantId reseller(String id) {
        TenantId tenant = new TenantId(id);
        tenants.create(tenant, new TenantSettings(id, List.of(id + ".dms.example"), java.util.Optional.of(new Brand(id + " DMS",
                "support@" + id + ".example", "noreply@" + id + ".example", "https://" + id + ".dms.example")), EUR,
                CatalogSelection.EVERYTHING, PriceAdjustment.NONE, false), "test");
        return tenant;
    }

    Account account(TenantId tenant, String balance) {
        Account account = balances.open(tenant, "Customer " + UUID.randomUUID(), EUR);
        if (!Money.of(balance, "EUR").isZero()) {
            balances.topUp(account.id(), Money.of(balance, "EUR"), UUID.randomUUID().toString(), "test funds");
        }
        return account;
    }

    Money balance(AccountId account) {
        return balances.find(account).orElseThrow().balance();
    }

    static InstanceConfiguration devices(long devices, String... options) {
        return InstanceConfiguration.of("standard", devices, Set.of(options));
    }

    Instance create(AccountId account, long devices) {
        return instances.create(account, new NewInstance("acs", devices(devices), true), ActionOptions.NONE).instance();
    }

    Instance createDisabled(AccountId account, long devices) {
        return instances.create(account, new NewInstance("acs", devices(devices), false), ActionOptions.NONE).instance();
    }

    Instance instance(AccountId account, InstanceId id) {
        return store.inTransaction(tx -> tx.instances().find(id)).filter(i -> i.account().equals(account)).orElseThrow();
    }

    BillingRun run(String day) {
        return dailyRun.run(LocalDate.parse(day));
    }

    /** Every ledger entry of the account, oldest first. */
    List<LedgerEntry> ledger(AccountId account) {
        List<LedgerEntry> entries = new ArrayList<>(balances.ledger(account, Long.MAX_VALUE, 500));
        java.util.Collections.reverse(entries);
        return entries;
    }

    List<Event> events(String topic) {
        return events.stream().filter(e -> e.getTopic().equals(topic)).toList();
    }

    private EventAdmin recordingEventAdmin() {
        return new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                events.add(event);
            }
        };
    }

    @Override
    public void close() {
        billingStore.close();
        database.close();
    }

    static Map<String, Object> properties(Event event) {
        Map<String, Object> properties = new java.util.TreeMap<>();
        for (String name : event.getPropertyNames()) {
            properties.put(name, event.getProperty(name));
        }
        return properties;
    }
}
