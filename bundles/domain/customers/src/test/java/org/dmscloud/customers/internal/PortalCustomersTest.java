package org.dmscloud.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountQuery;
import org.dmscloud.api.account.AccountStatus;
import org.dmscloud.api.account.AccountSummary;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.customer.InvalidTokenException;
import org.dmscloud.api.customer.Registration;
import org.dmscloud.api.customer.Session;
import org.dmscloud.api.customer.SignInRefusedException;
import org.dmscloud.api.tenant.Brand;
import org.dmscloud.api.tenant.CatalogSelection;
import org.dmscloud.api.tenant.PriceAdjustment;
import org.dmscloud.api.tenant.TenantSettings;
import org.dmscloud.billing.internal.BillingAccountRegister;
import org.dmscloud.billing.internal.LedgerBalanceService;
import org.dmscloud.billing.internal.store.TestBillingStore;
import org.dmscloud.customers.internal.SignInFailureRecord;
import org.dmscloud.customers.internal.UserRecord;
import org.dmscloud.mail.internal.MailRecord;
import org.dmscloud.mail.internal.Outbox;
import org.dmscloud.mail.internal.OutboxCustomerMail;
import org.dmscloud.persistence.testing.Configurations;
import org.dmscloud.persistence.testing.TestClock;
import org.dmscloud.persistence.testing.TestDatabases;
import org.dmscloud.tenants.internal.TenantBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registration, verification, sign-in and password reset over the production store (H2), mail read from the outbox. */
class PortalCustomersTest {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_%-]+)");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    private TestDatabases.OpenStore database;
    private TestBillingStore billing;
    private LedgerBalanceService accounts;
    private static final Brand PLATFORM = new Brand("DMS Cloud", "", "DMS Cloud <no-reply@dmscloud.example>", "https://portal.example");
    private TenantBook tenants;
    private PortalCustomers customers;

    @BeforeEach
    void start() {
        database = TestDatabases.open(TestDatabases.h2(), TestDatabases.TENANTS, TestDatabases.BILLING, TestDatabases.CUSTOMERS, TestDatabases.MAIL);
        billing = TestBillingStore.on(database);
        accounts = new LedgerBalanceService(billing.store(), clock);
        tenants = new TenantBook(database.store(), clock, Currency.getInstance("EUR"));
        customers = node();
    }

    @AfterEach
    void stop() {
        billing.close();
        database.close();
    }

    @Test
    void aNewCustomerVerifiesTheirAddressThenSignsIn() {
        customers.register(TenantId.DEFAULT, new Registration("Ada@Example.com ", "correct horse battery", "Ada", "Example Telecom"));

        assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "ada@example.com", "correct horse battery", "10.0.0.1"))
                .isInstanceOf(SignInRefusedException.class).hasMessageContaining("Verify your email address first");
        Customer verified = customers.verify(TenantId.DEFAULT, tokenIn(lastMailTo("ada@example.com", "verify-address")));
        Session session = customers.signIn(TenantId.DEFAULT, "ADA@example.com", "correct horse battery", "10.0.0.1");

        assertThat(verified.email()).isEqualTo("ada@example.com");
        assertThat(session.customer()).isEqualTo(verified);
        assertThat(customers.authenticate(TenantId.DEFAULT, session.token())).contains(verified);
        assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
    }

    @Test
    void aVerificationLinkWorksOnceAndNotAfterItExpires() {
        customers.register(TenantId.DEFAULT, new Registration("bob@example.com", "correct horse battery", "Bob", ""));
        String token = tokenIn(lastMailTo("bob@example.com", "verify-address"));
        customers.verify(TenantId.DEFAULT, token);

        assertThatThrownBy(() -> customers.verify(TenantId.DEFAULT, token)).isInstanceOf(InvalidTokenException.class);

        customers.register(TenantId.DEFAULT, new Registration("eve@example.com", "correct horse battery", "Eve", ""));
        String late = tokenIn(lastMailTo("eve@example.com", "verify-address"));
        clock.advance(Duration.ofHours(49));
        assertThatThrownBy(() -> customers.verify(TenantId.DEFAULT, late)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("expired");
    }

    @Test
    void registeringAgainSendsAFreshLinkAndTheOldOneStopsWorking() {
        customers.register(TenantId.DEFAULT, new Registration("carol@example.com", "first password 1", "Carol", ""));
        String first = tokenIn(lastMailTo("carol@example.com", "verify-address"));
        customers.register(TenantId.DEFAULT, new Registration("carol@example.com", "second password 2", "Carol", ""));
        String second = tokenIn(lastMailTo("carol@example.com", "verify-address"));

        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> customers.verify(TenantId.DEFAULT, first)).isInstanceOf(InvalidTokenException.class);
        customers.verify(TenantId.DEFAULT, second);
        assertThat(customers.signIn(TenantId.DEFAULT, "carol@example.com", "second password 2", "10.0.0.2").customer().email()).isEqualTo("carol@example.com");
    }

    @Test
    void registeringAVerifiedAddressAgainChangesNothingAndSaysSoByMail() {
        customers.register(TenantId.DEFAULT, new Registration("dan@example.com", "correct horse battery", "Dan", ""));
        customers.verify(TenantId.DEFAULT, tokenIn(lastMailTo("dan@example.com", "verify-address")));

        customers.register(TenantId.DEFAULT, new Registration("dan@example.com", "attacker password", "Mallory", ""));

        assertThat(lastMailTo("dan@example.com", "already-registered").subject()).isEqualTo("You already have a DMS Cloud account");
        assertThat(customers.signIn(TenantId.DEFAULT, "dan@example.com", "correct horse battery", "10.0.0.3")).isNotNull();
        assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "dan@example.com", "attacker password", "10.0.0.3"))
                .isInstanceOf(SignInRefusedException.class);
    }

    @Test
    void resendMailsANewLinkOnlyToUnverifiedAddresses() {
        customers.resendVerification(TenantId.DEFAULT, "nobody@example.com");
        customers.register(TenantId.DEFAULT, new Registration("fay@example.com", "correct horse battery", "Fay", ""));
        customers.resendVerification(TenantId.DEFAULT, "FAY@example.com");

        assertThat(mails("fay@example.com")).extracting(MailRecord::kind).containsExactly("verify-address", "verify-address");
        assertThat(mails("nobody@example.com")).isEmpty();
    }

    /** Length was the only rule. */
    @Test
    void passwordsEasyToGuessOrHoldingTheAddressOrNameAreRefusedSayingWhy() {
        assertThat(refusedPassword("1234567890", "Kim Gustavsson")).isEqualTo("This password is too easy to guess. "
                + "This is a top-100 common password. Add another word or two. Uncommon words are better.");
        assertThat(refusedPassword("password12", "Kim Gustavsson")).contains("too easy to guess", "This is a very common password.");
        assertThat(refusedPassword("kim.gustavsson@example.com", "Kim Gustavsson")).contains("does not contain your email address");
        assertThat(refusedPassword("Gustavsson 2026 rocks", "Kim Gustavsson")).contains("your name");
        assertThat(refusedPassword("qwertyuiop12", "Kim Gustavsson")).contains("too easy to guess");

        customers.register(TenantId.DEFAULT, new Registration("kim.gustavsson@example.com", "violet quarry lantern", "Kim Gustavsson", ""));
        Optional<UserRecord> kim = database.store().inTransaction(tx -> Users.in(tx).findByEmail(TenantId.DEFAULT, "kim.gustavsson@example.com"));
        assertThat(kim).isPresent();
    }

    @Test
    void aNewPasswordByResetMustBeHardToGuessToo() {
        registered("lee@example.com", "correct horse battery");
        customers.requestPasswordReset(TenantId.DEFAULT, "lee@example.com");
        String token = tokenIn(lastMailTo("lee@example.com", "reset-password"));

        assertThatThrownBy(() -> customers.resetPassword(TenantId.DEFAULT, token, "lee@example.com!")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fields().get("newPassword")).contains("does not contain your email address"));
        assertThatThrownBy(() -> customers.resetPassword(TenantId.DEFAULT, token, "abcdefghij")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fields().get("newPassword")).contains("too easy to guess"));
        customers.resetPassword(TenantId.DEFAULT, token, "violet quarry lantern");
        assertThat(customers.signIn(TenantId.DEFAULT, "lee@example.com", "violet quarry lantern", "10.0.0.1")).isNotNull();
    }

    private String refusedPassword(String password, String name) {
        try {
            customers.register(TenantId.DEFAULT, new Registration("kim.gustavsson@example.com", password, name, "Example Telecom"));
        } catch (InvalidInputException e) {
            assertThat(e.fields()).containsOnlyKeys("password");
            return e.fields().get("password");
        }
        throw new AssertionError(password + " was accepted");
    }

    /** Each tenant's customers are its own; the same address is two people at two tenants. */
    @Test
    void theSameAddressIsACustomerOfTwoTenantsIndependentlyAndTokensWorkOnlyAtTheirOwn() {
        TenantId acme = new TenantId("acme");
        tenants.create(acme, new TenantSettings("Acme", List.of("acme.dms.example"), Optional.of(new Brand("Acme DMS", "support@acme.example",
                "noreply@acme.example", "https://acme.dms.example")), Currency.getInstance("USD"), CatalogSelection.EVERYTHING,
                PriceAdjustment.NONE, false), "operator-jane");
        registered("max@example.com", "correct horse battery");
        customers.register(acme, new Registration("max@example.com", "violet quarry lantern", "Max at Acme", ""));
        String acmeVerification = tokenIn(lastMailTo("max@example.com", "verify-address"));

        assertThatThrownBy(() -> customers.verify(TenantId.DEFAULT, acmeVerification)).as("Acme's link at the platform's host")
                .isInstanceOf(InvalidTokenException.class);
        Customer atAcme = customers.verify(acme, acmeVerification);
        Session platformSession = customers.signIn(TenantId.DEFAULT, "max@example.com", "correct horse battery", "10.0.0.1");
        Session acmeSession = customers.signIn(acme, "max@example.com", "violet quarry lantern", "10.0.0.1");

        assertThat(atAcme.tenant()).isEqualTo(acme);
        assertThat(atAcme.account()).isNotEqualTo(platformSession.customer().account());
        assertThat(accountCurrency(atAcme)).as("the tenant's currency").isEqualTo("USD");
        assertThat(customers.authenticate(acme, acmeSession.token())).map(Customer::id).contains(atAcme.id());
        assertThat(customers.authenticate(TenantId.DEFAULT, acmeSession.token())).as("Acme's session at the platform's host").isEmpty();
        assertThat(customers.authenticate(acme, platformSession.token())).isEmpty();
        assertThatThrownBy(() -> customers.signIn(acme, "max@example.com", "correct horse battery", "10.0.0.2"))
                .as("the platform's password is not Acme's").isInstanceOf(SignInRefusedException.class);
        customers.requestPasswordReset(acme, "max@example.com");
        String acmeReset = tokenIn(lastMailTo("max@example.com", "reset-password"));
        assertThatThrownBy(() -> customers.resetPassword(TenantId.DEFAULT, acmeReset, "another quiet harbour")).isInstanceOf(InvalidTokenException.class);
        customers.resetPassword(acme, acmeReset, "another quiet harbour");
        assertThat(customers.signIn(TenantId.DEFAULT, "max@example.com", "correct horse battery", "10.0.0.3")).as("untouched").isNotNull();
    }

    private String accountCurrency(Customer customer) {
        return accounts.find(customer.account()).orElseThrow().balance().currencyCode();
    }

    /** The customers bundle as the platform wires it, on this test's database: a node of the platform. */
    private PortalCustomers node() {
        OutboxCustomerMail mail = new OutboxCustomerMail(database.store(), clock, tenants, new CustomerContacts(database.store()), PLATFORM);
        return new PortalCustomers(database.store(), accounts, new BillingAccountRegister(billing.store()), mail, clock, tenants, configuration());
    }

    @Test
    void badRegistrationsNameEveryFieldAtFault() {
        assertThatThrownBy(() -> customers.register(TenantId.DEFAULT, new Registration("not-an-address", "short", "", "x".repeat(201))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields()).containsOnlyKeys("email", "password", "name", "company"));
        assertThatThrownBy(() -> customers.register(TenantId.DEFAULT, new Registration(null, null, null, null))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void wrongPasswordsLockTheAccountForAWhile() {
        registered("gus@example.com", "correct horse battery");
        for (int i = 0; i < 4; i++) {
            String address = "10.0.0." + i; // another address each time: the account limit alone applies
            assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "gus@example.com", "wrong", address))
                    .hasMessage("The email address or the password is not right.");
        }
        assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "gus@example.com", "wrong", "10.0.0.4"))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "gus@example.com", "correct horse battery", "10.0.0.9"))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> assertThat(e.retryAfter()).isPresent());

        clock.advance(Duration.ofMinutes(16));
        assertThat(customers.signIn(TenantId.DEFAULT, "gus@example.com", "correct horse battery", "10.0.0.9")).isNotNull();
    }

    /** The lockout told who is registered (429 for them, 401 for everyone else). */
    @Test
    void aLockoutSaysNothingAboutWhetherTheAddressIsRegistered() {
        registered("gus@example.com", "correct horse battery");
        List<String> registeredAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            registeredAnswers.add(refusal(() -> customers.signIn(TenantId.DEFAULT, "gus@example.com", "wrong", "10.0.1." + registeredAnswers.size())));
            unknownAnswers.add(refusal(() -> customers.signIn(TenantId.DEFAULT, "nobody@example.com", "wrong", "10.0.2." + unknownAnswers.size())));
        }

        assertThat(unknownAnswers).isEqualTo(registeredAnswers);
        assertThat(registeredAnswers.get(4)).startsWith("The email address or the password is not right. (retry after PT15M)");
        assertThat(registeredAnswers.get(5)).startsWith("Too many failed sign-ins for this email address. Try again in 15 minutes. (retry after");
        String gus = SignInLimits.addressKey(TenantId.DEFAULT, "gus@example.com");
        String nobody = SignInLimits.addressKey(TenantId.DEFAULT, "nobody@example.com");
        List<Optional<SignInFailureRecord>> counted = database.store().inTransaction(tx -> List.of(SignInFailures.in(tx).find(gus),
                SignInFailures.in(tx).find(nobody)));
        assertThat(counted).as("both counted the same way, in the database").allSatisfy(record -> assertThat(record).isPresent());
    }

    /** Counts are in the database, so they hold across nodes and nothing live is forgotten. */
    @Test
    void failedSignInsCountOnEveryNodeAndASprayOfAddressesForgetsNoLiveCount() {
        registered("hal@example.com", "correct horse battery");
        PortalCustomers otherNode = node();
        for (int i = 0; i < 20; i++) {
            PortalCustomers node = i % 2 == 0 ? customers : otherNode;
            String someone = "someone-" + i + "@example.com";
            assertThatThrownBy(() -> node.signIn(TenantId.DEFAULT, someone, "guess", "192.0.2.1")).isInstanceOf(SignInRefusedException.class);
        }
        for (int i = 0; i < 300; i++) {
            String sprayed = "198.51." + (i / 250) + "." + (i % 250);
            assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "spray-" + sprayed + "@example.com", "guess", sprayed))
                    .isInstanceOf(SignInRefusedException.class);
        }

        assertThatThrownBy(() -> otherNode.signIn(TenantId.DEFAULT, "hal@example.com", "correct horse battery", "192.0.2.1"))
                .hasMessageContaining("from your address");
        SignInFailureCleanup cleanup = new SignInFailureCleanup(database.store(), clock);
        assertThat(cleanup.cleanUp()).as("nothing expired yet").isZero();
        clock.advance(Duration.ofMinutes(16));
        assertThat(cleanup.cleanUp()).as("the client counts ran out; the address counts live a day").isEqualTo(1 + 300);
        clock.advance(SignInLimits.ADDRESS_WINDOW);
        assertThat(cleanup.cleanUp()).isEqualTo(20 + 300);
        assertThat(customers.signIn(TenantId.DEFAULT, "hal@example.com", "correct horse battery", "192.0.2.1")).isNotNull();
    }

    private static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable signIn) {
        try {
            signIn.call();
        } catch (SignInRefusedException e) {
            return e.getMessage() + e.retryAfter().map(after -> " (retry after " + after + ")").orElse("");
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("signed in");
    }

    @Test
    void oneAddressFailingTooOftenMustWait() {
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "someone" + System.nanoTime() + "@example.com", "guess", "192.0.2.1"))
                    .isInstanceOf(SignInRefusedException.class);
        }
        registered("hal@example.com", "correct horse battery");
        assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "hal@example.com", "correct horse battery", "192.0.2.1"))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> assertThat(e.getMessage()).contains("from your address"));
        assertThat(customers.signIn(TenantId.DEFAULT, "hal@example.com", "correct horse battery", "192.0.2.2")).isNotNull();
    }

    @Test
    void signOutRevokesTheTokenAndSessionsExpire() {
        registered("ivy@example.com", "correct horse battery");
        Session first = customers.signIn(TenantId.DEFAULT, "ivy@example.com", "correct horse battery", "10.0.0.1");
        Session second = customers.signIn(TenantId.DEFAULT, "ivy@example.com", "correct horse battery", "10.0.0.1");

        customers.signOut(first.token());
        assertThat(customers.authenticate(TenantId.DEFAULT, first.token())).isEmpty();
        assertThat(customers.authenticate(TenantId.DEFAULT, second.token())).isPresent();
        clock.advance(Duration.ofHours(12));
        assertThat(customers.authenticate(TenantId.DEFAULT, second.token())).isEmpty();
        assertThat(customers.authenticate(TenantId.DEFAULT, "made-up")).isEmpty();
    }

    @Test
    void aPasswordResetSetsTheNewPasswordAndSignsOutEverywhere() {
        registered("jo@example.com", "correct horse battery");
        Session before = customers.signIn(TenantId.DEFAULT, "jo@example.com", "correct horse battery", "10.0.0.1");
        customers.requestPasswordReset(TenantId.DEFAULT, "nobody@example.com");
        customers.requestPasswordReset(TenantId.DEFAULT, "jo@example.com");
        String token = tokenIn(lastMailTo("jo@example.com", "reset-password"));

        assertThatThrownBy(() -> customers.resetPassword(TenantId.DEFAULT, token, "short")).isInstanceOf(InvalidInputException.class);
        customers.resetPassword(TenantId.DEFAULT, token, "a brand new password");

        assertThat(customers.authenticate(TenantId.DEFAULT, before.token())).isEmpty();
        assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "jo@example.com", "correct horse battery", "10.0.0.1")).isInstanceOf(SignInRefusedException.class);
        assertThat(customers.signIn(TenantId.DEFAULT, "jo@example.com", "a brand new password", "10.0.0.1")).isNotNull();
        assertThatThrownBy(() -> customers.resetPassword(TenantId.DEFAULT, token, "another new password")).isInstanceOf(InvalidTokenException.class);
        assertThat(mails("nobody@example.com")).isEmpty();
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndSignsOutEveryOtherSession() {
        registered("kim@example.com", "correct horse battery");
        Session here = customers.signIn(TenantId.DEFAULT, "kim@example.com", "correct horse battery", "10.0.0.1");
        Session elsewhere = customers.signIn(TenantId.DEFAULT, "kim@example.com", "correct horse battery", "10.0.0.2");

        assertThatThrownBy(() -> customers.changePassword(TenantId.DEFAULT, here.token(), "not it", "a brand new password", "10.0.0.1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields()).containsOnlyKeys("currentPassword"));
        assertThatThrownBy(() -> customers.changePassword(TenantId.DEFAULT, here.token(), "correct horse battery", "kim@example.com1", "10.0.0.1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fields()).containsOnlyKeys("newPassword"));
        assertThatThrownBy(() -> customers.changePassword(TenantId.DEFAULT, "made-up", "correct horse battery", "a brand new password", "10.0.0.1"))
                .isInstanceOf(SignInRefusedException.class);
        customers.changePassword(TenantId.DEFAULT, here.token(), "correct horse battery", "a brand new password", "10.0.0.1");

        assertThat(customers.authenticate(TenantId.DEFAULT, here.token())).as("this session stays").isPresent();
        assertThat(customers.authenticate(TenantId.DEFAULT, elsewhere.token())).as("every other one ends").isEmpty();
        assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "kim@example.com", "correct horse battery", "10.0.0.1"))
                .isInstanceOf(SignInRefusedException.class);
        assertThat(customers.signIn(TenantId.DEFAULT, "kim@example.com", "a brand new password", "10.0.0.1")).isNotNull();
    }

    @Test
    void guessingTheCurrentPasswordCountsAsFailedSignIns() {
        registered("lou@example.com", "correct horse battery");
        Session session = customers.signIn(TenantId.DEFAULT, "lou@example.com", "correct horse battery", "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            String guess = "guess number " + i;
            assertThatThrownBy(() -> customers.changePassword(TenantId.DEFAULT, session.token(), guess, "a brand new password", "10.0.1." + guess.length()))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> customers.changePassword(TenantId.DEFAULT, session.token(), "guess number 5", "a brand new password", "10.0.2.1"))
                .isInstanceOfSatisfying(SignInRefusedException.class, e -> assertThat(e.retryAfter()).isPresent());
        assertThatThrownBy(() -> customers.changePassword(TenantId.DEFAULT, session.token(), "correct horse battery", "a brand new password", "10.0.2.1"))
                .as("even the right one must wait").isInstanceOf(SignInRefusedException.class);
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheCustomerOnly() {
        registered("max@example.com", "correct horse battery");
        registered("nia@example.com", "correct horse battery");
        Session one = customers.signIn(TenantId.DEFAULT, "max@example.com", "correct horse battery", "10.0.0.1");
        Session two = customers.signIn(TenantId.DEFAULT, "max@example.com", "correct horse battery", "10.0.0.2");
        Session other = customers.signIn(TenantId.DEFAULT, "nia@example.com", "correct horse battery", "10.0.0.3");

        customers.signOutEverywhere(TenantId.DEFAULT, one.token());

        assertThat(customers.authenticate(TenantId.DEFAULT, one.token())).isEmpty();
        assertThat(customers.authenticate(TenantId.DEFAULT, two.token())).isEmpty();
        assertThat(customers.authenticate(TenantId.DEFAULT, other.token())).isPresent();
        customers.signOutEverywhere(TenantId.DEFAULT, "made-up"); // nothing to end, nothing thrown
    }

    @Test
    void aLockedAccountIsSignedOutEverywhereAndCannotSignInUntilUnlocked() {
        registered("ada@example.com", "correct horse battery");
        Session phone = customers.signIn(TenantId.DEFAULT, "ada@example.com", "correct horse battery", "10.0.0.1");
        Session laptop = customers.signIn(TenantId.DEFAULT, "ada@example.com", "correct horse battery", "10.0.0.2");
        AccountDesk desk = new AccountDesk(database.store(), new BillingAccountRegister(billing.store()), clock);
        AccountId account = phone.customer().account();

        AccountSummary locked = desk.lock(account, " chargeback on card ", "operator-jane");

        assertThat(locked.status()).isEqualTo(AccountStatus.LOCKED);
        assertThat(locked.lock()).hasValueSatisfying(lock -> {
            assertThat(lock.reason()).isEqualTo("chargeback on card");
            assertThat(lock.by()).isEqualTo("operator-jane");
            assertThat(lock.at()).isEqualTo(clock.instant());
        });
        assertThat(customers.authenticate(TenantId.DEFAULT, phone.token())).isEmpty();
        assertThat(customers.authenticate(TenantId.DEFAULT, laptop.token())).isEmpty();
        assertThatThrownBy(() -> customers.signIn(TenantId.DEFAULT, "ada@example.com", "correct horse battery", "10.0.0.1"))
                .isInstanceOf(SignInRefusedException.class).hasMessage(PortalCustomers.LOCKED);
        assertThat(desk.lock(account, "again", "operator-joe").lock().orElseThrow().by()).isEqualTo("operator-jane");
        assertThat(desk.search(new AccountQuery(Optional.of("ada@"), Optional.empty(), Optional.of(AccountStatus.LOCKED), 10)))
                .extracting(summary -> summary.account().id()).containsExactly(account);

        AccountSummary unlocked = desk.unlock(account, "operator-joe");

        assertThat(unlocked.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(customers.signIn(TenantId.DEFAULT, "ada@example.com", "correct horse battery", "10.0.0.1").customer().account()).isEqualTo(account);
        assertThatThrownBy(() -> desk.lock(account, " ", "operator-jane")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> desk.lock(AccountId.random(), "why", "operator-jane")).isInstanceOf(AccountNotFoundException.class);
    }

    @Test
    void passwordsAreStoredAsSaltedSlowHashes() {
        PasswordHashing hashing = new PasswordHashing(1_000);
        String one = hashing.hash("correct horse battery");
        String two = hashing.hash("correct horse battery");

        assertThat(one).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct").isNotEqualTo(two);
        assertThat(hashing.verify("correct horse battery", one)).isTrue();
        assertThat(hashing.verify("correct horse batterz", one)).isFalse();
        assertThat(hashing.verify("correct horse battery", "md5$abc")).isFalse();
    }

    private void registered(String email, String password) {
        customers.register(TenantId.DEFAULT, new Registration(email, password, "Someone", ""));
        customers.verify(TenantId.DEFAULT, tokenIn(lastMailTo(email, "verify-address")));
    }

    private List<MailRecord> mails(String recipient) {
        return database.store().inTransaction(tx -> Outbox.in(tx).latest(Optional.empty(), Optional.empty(), Optional.of(recipient), 50))
                .stream().sorted(java.util.Comparator.comparingLong(MailRecord::id)).toList();
    }

    private MailRecord lastMailTo(String recipient, String kind) {
        List<MailRecord> matching = mails(recipient).stream().filter(m -> m.kind().equals(kind)).toList();
        assertThat(matching).as("%s mail to %s", kind, recipient).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private static String tokenIn(MailRecord mail) {
        Matcher matcher = TOKEN.matcher(mail.body());
        assertThat(matcher.find()).as("a link with a token in %s", mail.body()).isTrue();
        return java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The production policy, with fewer hash iterations so that the tests run fast. */
    private static CustomersConfiguration configuration() {
        return Configurations.of(CustomersConfiguration.class, Map.of("passwordIterations", 1_000));
    }
}
