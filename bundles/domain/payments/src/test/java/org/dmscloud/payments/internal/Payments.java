package org.dmscloud.payments.internal;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.billing.internal.LedgerBalanceService;
import org.dmscloud.billing.internal.store.TestBillingStore;
import org.dmscloud.customers.internal.CustomerContacts;
import org.dmscloud.customers.internal.UserRecord;
import org.dmscloud.customers.internal.UserStatus;
import org.dmscloud.customers.internal.Users;
import org.dmscloud.mail.internal.MailRecord;
import org.dmscloud.mail.internal.Outbox;
import org.dmscloud.mail.internal.OutboxCustomerMail;
import org.dmscloud.mail.internal.OutboxOperatorMail;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.Configurations;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.plugins.Contributions;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.tenant.TenantScope;
import org.dmscloud.tenants.internal.TenantBook;

/**
 * The payments bundle as it runs in the platform, wired by hand over a real database and the real
 * ledger, with a clock the test controls and one payment-provider plugin. Provider bundles test
 * against it too (it is in this bundle's test-jar).
 */
public final class Payments implements AutoCloseable {

    public static final Currency EUR = Currency.getInstance("EUR");

    public final TestClock clock;
    public final Store store;
    public final TenantBook tenants;
    public final LedgerBalanceService balances;
    public final TopUpBook book;
    public final TopUpDesk desk;
    final TestDatabases.OpenStore database;
    final TestBillingStore billing;
    final PaymentProviderRegistry registry;
    final InMemoryPaymentSystem provider;

    /** With a provider whose payment system is in memory, for the host's own tests. */
    Payments(DataSource dataSource, Instant now) {
        this(dataSource, new TestClock(now), new InMemoryPaymentSystem("test-pay"));
    }

    public Payments(DataSource dataSource, TestClock clock, PaymentProvider plugin) {
        this.clock = clock;
        this.provider = plugin instanceof InMemoryPaymentSystem inMemory ? inMemory : null;
        this.database = TestDatabases.open(dataSource, TestDatabases.TENANTS, TestDatabases.BILLING, TestDatabases.CUSTOMERS, TestDatabases.MAIL,
                TestDatabases.PAYMENTS);
        this.store = database.store();
        this.billing = TestBillingStore.on(database);
        this.tenants = new TenantBook(store, clock, EUR);
        OutboxCustomerMail customerMail = new OutboxCustomerMail(store, clock, tenants, new CustomerContacts(store), new Brand("DMS Cloud", "", "DMS Cloud <no-reply@dmscloud.example>", "https://portal.example"));
        this.balances = new LedgerBalanceService(billing.store(), clock, customerMail);
        this.registry = new PaymentProviderRegistry(null, tenants);
        this.registry.providers = List.of(Map.entry(Map.of(PaymentProvider.PROVIDER_ID, plugin.id()), plugin));
        this.book = new TopUpBook(store, clock, balances, balances, customerMail);
        PaymentsConfiguration configuration = Configurations.of(PaymentsConfiguration.class, Map.of());
        TopUpLifecycle lifecycle = new TopUpLifecycle(store, clock, balances, registry, book,
                new OutboxOperatorMail(store, clock, tenants, "ops@dmscloud.example"), configuration);
        this.desk = new TopUpDesk(store, clock, lifecycle, configuration);
    }

    /** The address of the account's user, as {@link #account()} makes it. */
    public static String emailOf(Account account) {
        return "ada-" + account.id().toString().substring(0, 8) + "@example.com";
    }

    /** Registers another provider, such as a tenant's own payment account ({@code tenant} present), as a provider bundle would. */
    public void register(PaymentProvider plugin, Optional<TenantId> tenant) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(PaymentProvider.PROVIDER_ID, plugin.id()));
        tenant.ifPresent(id -> properties.put(TenantScope.PROPERTY, id.value()));
        List<Map.Entry<Map<String, Object>, PaymentProvider>> providers = new java.util.ArrayList<>(registry.providers);
        providers.add(Map.entry(properties, plugin));
        registry.providers = providers;
    }

    /** A reseller tenant with its brand, which may let its customers pay through the platform's providers. */
    public TenantId reseller(String id, boolean platformPayments) {
        TenantId tenant = new TenantId(id);
        tenants.create(tenant, new TenantSettings(id, List.of(id + ".dms.example"), Optional.of(new Brand(id + " DMS",
                "support@" + id + ".example", "noreply@" + id + ".example", "https://" + id + ".dms.example")), EUR,
                // Providers registered here have no bundle (Contributions.UNKNOWN_BUNDLE): bound to the reseller like its own.
                CatalogSelection.EVERYTHING, PriceAdjustment.NONE, platformPayments, java.util.Set.of(Contributions.UNKNOWN_BUNDLE)), "test");
        return tenant;
    }

    /** An account with a verified user ({@link #emailOf}), to whom its mail goes. */
    public Account account() {
        return account(TenantId.DEFAULT);
    }

    /** An account of this tenant's with a verified user ({@link #emailOf}). */
    public Account account(TenantId tenant) {
        Account account = balances.open(tenant, "Example GmbH", EUR);
        store.inTransaction(tx -> {
            Users.in(tx).create(new UserRecord(UUID.randomUUID(), tenant, account.id(),
                    emailOf(account), "Ada", "Example GmbH", "unused",
                    UserStatus.ACTIVE, clock.instant(), Optional.of(clock.instant())));
            return null;
        });
        return account;
    }

    public Account reread(Account account) {
        return balances.find(account.id()).orElseThrow();
    }

    /** The latest mails to a recipient, newest first. */
    public List<MailRecord> mailTo(String recipient) {
        return store.inTransaction(tx -> Outbox.in(tx).latest(Optional.empty(), Optional.empty(), Optional.of(recipient), 100));
    }

    @Override
    public void close() {
        billing.close();
        database.close();
    }
}
