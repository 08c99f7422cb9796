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
import org.dmscloud.billing.internal.LedgerBalanceService;
import org.dmscloud.mail.internal.OutboxCustomerMail;
import org.dmscloud.mail.internal.OutboxOperatorMail;
import org.dmscloud.persistence.MailRecord;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.UserRecord;
import org.dmscloud.persistence.UserStatus;
import org.dmscloud.persistence.testing.Configurations;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.spi.payment.PaymentProvider;

/**
 * The payments bundle as it runs in the platform, wired by hand over a real database and the real
 * ledger, with a clock the test controls and one payment-provider plugin. Provider bundles test
 * against it too (it is in this bundle's test-jar).
 */
public final class Payments implements AutoCloseable {

    public static final Currency EUR = Currency.getInstance("EUR");

    public final TestClock clock;
    public final Store store;
    public final LedgerBalanceService balances;
    public final TopUpBook book;
    public final TopUpDesk desk;
    final TestDatabases.OpenStore database;
    final PaymentProviderRegistry registry = new PaymentProviderRegistry(null);
    final InMemoryPaymentSystem provider;

    /** With a provider whose payment system is in memory, for the host's own tests. */
    Payments(DataSource dataSource, Instant now) {
        this(dataSource, new TestClock(now), new InMemoryPaymentSystem("test-pay"));
    }

    public Payments(DataSource dataSource, TestClock clock, PaymentProvider plugin) {
        this.clock = clock;
        this.provider = plugin instanceof InMemoryPaymentSystem inMemory ? inMemory : null;
        this.database = TestDatabases.open(dataSource);
        this.store = database.store();
        OutboxCustomerMail customerMail = new OutboxCustomerMail(store, clock, "https://portal.example");
        this.balances = new LedgerBalanceService(store, clock, customerMail);
        this.registry.providers = List.of(Map.entry(Map.of(PaymentProvider.PROVIDER_ID, plugin.id()), plugin));
        this.book = new TopUpBook(store, clock, balances, customerMail);
        PaymentsConfiguration configuration = Configurations.of(PaymentsConfiguration.class, Map.of());
        TopUpLifecycle lifecycle = new TopUpLifecycle(store, clock, balances, registry, book,
                new OutboxOperatorMail(store, clock, "ops@dmscloud.example"), configuration);
        this.desk = new TopUpDesk(store, clock, lifecycle, configuration);
    }

    /** The address of the account's user, as {@link #account()} makes it. */
    public static String emailOf(Account account) {
        return "ada-" + account.id().toString().substring(0, 8) + "@example.com";
    }

    /** An account with a verified user ({@link #emailOf}), to whom its mail goes. */
    public Account account() {
        Account account = balances.open(TenantId.DEFAULT, "Example GmbH", EUR);
        store.inTransaction(tx -> {
            tx.users().create(new UserRecord(UUID.randomUUID(), TenantId.DEFAULT, account.id(),
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
        return store.inTransaction(tx -> tx.outbox().latest(Optional.empty(), Optional.of(recipient), 100));
    }

    @Override
    public void close() {
        database.close();
    }
}
