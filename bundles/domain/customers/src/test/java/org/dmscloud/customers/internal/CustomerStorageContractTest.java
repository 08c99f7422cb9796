package org.dmscloud.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountQuery;
import org.dmscloud.api.account.AccountStatus;
import org.dmscloud.api.account.AccountSummary;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.Instance;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.instance.InstanceState;
import org.dmscloud.api.money.Money;
import org.dmscloud.billing.internal.BillingAccountRegister;
import org.dmscloud.billing.internal.LedgerBalanceService;
import org.dmscloud.billing.internal.store.TestBillingStore;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customers bundle's tables on every database the platform supports, and the operators' account directory it
 * builds from them and billing's accounts: each subclass brings one database, shared by the tests of the class.
 */
abstract class CustomerStorageContractTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private TestDatabases.OpenStore database;
    private TestBillingStore billing;
    private Store store;
    private LedgerBalanceService accounts;
    private AccountDesk desk;

    /** A database with nothing in it, or with what earlier tests of the same class left. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void open() {
        database = TestDatabases.open(dataSource(), TestDatabases.TENANTS, TestDatabases.BILLING, TestDatabases.CUSTOMERS);
        billing = TestBillingStore.on(database);
        store = database.store();
        accounts = new LedgerBalanceService(billing.store(), clock);
        desk = new AccountDesk(store, new BillingAccountRegister(billing.store()), clock);
    }

    @AfterEach
    void close() {
        billing.close();
        database.close();
    }

    @Test
    void operatorsFindAccountsByUserAddressAndLockThem() {
        Account ada = accounts.open(TenantId.DEFAULT, "Ada GmbH", EUR);
        clock.advance(Duration.ofMinutes(1));
        Account bob = accounts.open(TenantId.DEFAULT, "Bob AG", EUR);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        user(ada, "ada_" + marker + "@example.com");
        user(ada, "billing-" + marker + "@example.com");
        user(bob, "adaxb" + marker + "@example.com");
        Instant created = Instant.parse("2026-11-25T10:00:00Z");
        billing.store().inTransaction(tx -> tx.instances().create(new Instance(InstanceId.random(), ada.id(), "instance",
                InstanceConfiguration.of("starter", 500, Set.of()), InstanceState.ENABLED, Optional.empty(), created, Money.zero(EUR), created)));

        List<AccountSummary> byAddress = desk.search(new AccountQuery(Optional.of("ADA_" + marker.toUpperCase()), Optional.of(TenantId.DEFAULT),
                Optional.empty(), 10));
        assertThat(byAddress).as("the underscore is a character, not a wildcard").singleElement().satisfies(summary -> {
            assertThat(summary.account().id()).isEqualTo(ada.id());
            assertThat(summary.users()).containsExactly("ada_" + marker + "@example.com", "billing-" + marker + "@example.com");
            assertThat(summary.instances()).isEqualTo(1);
            assertThat(summary.status()).isEqualTo(AccountStatus.ACTIVE);
        });
        assertThat(desk.search(new AccountQuery(Optional.of(marker), Optional.of(new TenantId("elsewhere")), Optional.empty(), 10))).isEmpty();

        AccountSummary locked = desk.lock(bob.id(), " chargeback on card ", "operator-jane");
        assertThat(locked.lock()).hasValueSatisfying(lock -> {
            assertThat(lock.reason()).isEqualTo("chargeback on card");
            assertThat(lock.by()).isEqualTo("operator-jane");
        });
        assertThatThrownBy(() -> desk.lock(AccountId.random(), "no such account", "operator-jane")).isInstanceOf(AccountNotFoundException.class);
        List<AccountSummary> lockedOnes = desk.search(new AccountQuery(Optional.of(marker), Optional.empty(), Optional.of(AccountStatus.LOCKED), 10));
        assertThat(lockedOnes).extracting(summary -> summary.account().id()).containsExactly(bob.id());

        desk.unlock(bob.id(), "operator-joe");
        assertThat(desk.find(bob.id())).hasValueSatisfying(summary -> assertThat(summary.lock()).isEmpty());
        List<AccountSummary> both = desk.search(new AccountQuery(Optional.of(marker), Optional.empty(), Optional.of(AccountStatus.ACTIVE), 10));
        assertThat(both).extracting(summary -> summary.account().id()).containsExactly(bob.id(), ada.id());
    }

    @Test
    void aSessionSignsInItsActiveUserAtItsTenantUntilItExpiresOrIsRevoked() {
        UserRecord ada = user(accounts.open(TenantId.DEFAULT, "Ada GmbH", EUR), "ada-" + UUID.randomUUID() + "@example.com");
        String hash = SecretTokens.hash(SecretTokens.newToken());
        Instant expires = clock.instant().plus(Duration.ofHours(1));
        store.inTransaction(tx -> {
            Sessions.in(tx).save(new SessionRecord(hash, ada.id(), clock.instant(), expires));
            return null;
        });

        assertThat(signedIn(TenantId.DEFAULT, hash, clock.instant())).contains(ada);
        assertThat(signedIn(new TenantId("elsewhere"), hash, clock.instant())).as("another tenant's host").isEmpty();
        assertThat(signedIn(TenantId.DEFAULT, hash, expires)).as("expired").isEmpty();
        assertThat(signedIn(TenantId.DEFAULT, SecretTokens.hash("made-up"), clock.instant())).isEmpty();

        store.inTransaction(tx -> {
            Users.in(tx).update(ada.withStatus(UserStatus.UNVERIFIED, Optional.empty()));
            return null;
        });
        assertThat(signedIn(TenantId.DEFAULT, hash, clock.instant())).as("not active").isEmpty();
        store.inTransaction(tx -> {
            Users.in(tx).update(ada);
            Sessions.in(tx).revoke(hash, clock.instant());
            return null;
        });
        assertThat(signedIn(TenantId.DEFAULT, hash, clock.instant())).as("revoked").isEmpty();
    }

    @Test
    void failedSignInCountsAreKeptLockedOneKeyAtATimeAndDeletedWhenExpired() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        SignInFailureRecord live = new SignInFailureRecord("address:live", 3, at, Optional.of(at.plusSeconds(900)), at.plusSeconds(3600));
        SignInFailureRecord old = new SignInFailureRecord("client:old", 1, at, Optional.empty(), at.plusSeconds(60));
        store.inTransaction(tx -> {
            SignInFailures.in(tx).insert(live);
            SignInFailures.in(tx).insert(old);
            return null;
        });
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            SignInFailures.in(tx).insert(old);
            return null;
        })).isInstanceOf(DuplicateKeyException.class);

        SignInFailureRecord counted = new SignInFailureRecord("address:live", 4, at, Optional.empty(), at.plusSeconds(3600));
        store.inTransaction(tx -> {
            SignInFailures.in(tx).lock("address:live").orElseThrow();
            SignInFailures.in(tx).update(counted);
            return null;
        });
        int deleted = store.inTransaction(tx -> SignInFailures.in(tx).deleteExpired(at.plusSeconds(120)));

        assertThat(deleted).isEqualTo(1);
        Optional<SignInFailureRecord> kept = store.inTransaction(tx -> SignInFailures.in(tx).find("address:live"));
        Optional<SignInFailureRecord> gone = store.inTransaction(tx -> SignInFailures.in(tx).find("client:old"));
        assertThat(kept).contains(counted);
        assertThat(gone).isEmpty();
    }

    private Optional<UserRecord> signedIn(TenantId tenant, String sessionTokenHash, Instant at) {
        return store.read(tx -> Users.in(tx).findSignedIn(tenant, sessionTokenHash, at));
    }

    private UserRecord user(Account account, String email) {
        return store.inTransaction(tx -> {
            UserRecord user = new UserRecord(UUID.randomUUID(), TenantId.DEFAULT, account.id(), email, "Someone", "", "unused",
                    UserStatus.ACTIVE, clock.instant(), Optional.of(clock.instant()));
            Users.in(tx).create(user);
            clock.advance(Duration.ofSeconds(1));
            return user;
        });
    }
}
