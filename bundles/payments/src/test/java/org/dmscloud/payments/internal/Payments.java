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
 * ledger, with a clock the test controls and one provider plugin whose payment system is in memory.
 */
final class Payments implements AutoCloseable {

    static final Currency EUR = Currency.getInstance("EUR");

    final TestClock clock;
    final TestDatabases.OpenStore database;
    final Store store;
    final LedgerBalanceService balances;
    final InMemoryPaymentSystem provider = new InMemoryPaymentSystem("test-pay");
    final PaymentProviderRegistry registry = new PaymentProviderRegistry(null);
    final TopUpBook book;
    final TopUpDesk desk;

    Payments(DataSource dataSource, Instant now) {
        this.clock = new TestClock(now);
        this.database = TestDatabases.open(dataSource);
        this.store = database.store();
        OutboxCustomerMail customerMail = new OutboxCustomerMail(store, clock, "https://portal.example");
        this.balances = new LedgerBalanceService(store, clock, customerMail);
        this.registry.providers = List.of(Map.entry(Map.of(PaymentProvider.PROVIDER_ID, provider.id()), provider));
        this.book = new TopUpBook(store, clock, balances, customerMail);
        PaymentsConfiguration configuration = Configurations.of(PaymentsConfiguration.class, Map.of());
        TopUpLifecycle lifecycle = new TopUpLifecycle(store, clock, balances, registry, book,
                new OutboxOperatorMail(store, clock, "ops@dmscloud.example"), configuration);
        this.desk = new TopUpDesk(store, clock, lifecycle, configuration);
    }

    /** An account with a verified user, to whom its mail goes. */
    Account account() {
        Account account = balances.open(TenantId.DEFAULT, "Example GmbH", EUR);
        store.inTransaction(tx -> {
            tx.users().create(new UserRecord(UUID.randomUUID(), TenantId.DEFAULT, account.id(),
                    "ada-" + account.id().toString().substring(0, 8) + "@example.com", "Ada", "Example GmbH", "unused",
                    UserStatus.ACTIVE, 0, Optional.empty(), clock.instant(), Optional.of(clock.instant())));
            return null;
        });
        return account;
    }

    Account reread(Account account) {
        return balances.find(account.id()).orElseThrow();
    }

    /** The latest mails to a recipient, newest first. */
    List<MailRecord> mailTo(String recipient) {
        return store.inTransaction(tx -> tx.outbox().latest(Optional.empty(), Optional.of(recipient), 100));
    }

    @Override
    public void close() {
        database.close();
    }
}
