package org.dmscloud.customers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountRegister;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.customer.Customer;
import org.dmscloud.api.customer.CustomerAuth;
import org.dmscloud.api.customer.Inputs;
import org.dmscloud.api.customer.InvalidTokenException;
import org.dmscloud.api.customer.Registration;
import org.dmscloud.api.customer.Session;
import org.dmscloud.api.customer.SignInRefusedException;
import org.dmscloud.api.mail.CustomerMail;
import org.dmscloud.api.tenant.TenantDirectory;
import org.dmscloud.api.tenant.TenantNotFoundException;
import org.dmscloud.customers.internal.TokenRecord.TokenPurpose;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.Transaction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Portal customers over the store: each step in one transaction with the mail it causes, so that a link
 * is mailed exactly when its token is stored. Slow password hashing happens outside transactions.
 */
@Component(service = CustomerAuth.class, configurationPid = CustomersConfiguration.PID)
@Designate(ocd = CustomersConfiguration.class)
public class PortalCustomers implements CustomerAuth {

    /** A wait in words, rounded up to whole minutes: "1 minute", "15 minutes". */
    static String minutes(java.time.Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static final String REFUSED = "The email address or the password is not right.";
    static final String LOCKED = "This account is locked. Please contact support.";
    static final String SESSION_ENDED = "Your session has ended. Sign in again.";

    private final Store store;
    private final AccountService accounts;
    private final AccountRegister register;
    private final CustomerMail mail;
    private final Clock clock;
    private final TenantDirectory tenants;
    private final PasswordHashing passwords;
    private final SignInLimits limits;
    private final PasswordPolicy passwordPolicy;
    private final CustomersConfiguration configuration;

    /** Started only once this bundle's tables are there (its {@code DMS-Changelog} applied). */
    @Reference(target = CustomerTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public PortalCustomers(@Reference Store store, @Reference AccountService accounts, @Reference AccountRegister register,
            @Reference CustomerMail mail, @Reference Clock clock, @Reference TenantDirectory tenants, CustomersConfiguration configuration) {
        this.store = store;
        this.accounts = accounts;
        this.register = register;
        this.mail = mail;
        this.clock = clock;
        this.tenants = tenants;
        this.configuration = configuration;
        this.passwords = new PasswordHashing(configuration.passwordIterations());
        this.passwordPolicy = new PasswordPolicy(configuration.minPasswordScore());
        Duration lock = Duration.ofMinutes(configuration.lockMinutes());
        Duration clientWindow = Duration.ofMinutes(configuration.addressWindowMinutes());
        this.limits = new SignInLimits(new SignInLimits.Limit(configuration.maxFailedSignIns(), SignInLimits.ADDRESS_WINDOW, lock),
                new SignInLimits.Limit(configuration.maxFailuresPerAddress(), clientWindow, clientWindow));
    }

    @Override
    public void register(TenantId tenant, Registration registration) {
        Inputs inputs = new Inputs().email(registration.email()).password("password", registration.password())
                .text("name", registration.name(), 1, 200, "your name")
                .text("company", registration.company(), 0, 200, "The company name");
        passwordPolicy.problem(registration.password(), registration.email(), registration.name(), registration.company())
                .ifPresent(problem -> inputs.problem("password", problem));
        inputs.check();
        String email = Inputs.normalizeEmail(registration.email());
        String name = registration.name().trim();
        String company = registration.company() == null ? "" : registration.company().trim();
        Currency currency = tenants.find(tenant).orElseThrow(() -> new TenantNotFoundException(tenant)).settings().currency();
        String passwordHash = passwords.hash(registration.password());
        try {
            store.inTransaction(tx -> register(tx, tenant, currency, email, name, company, passwordHash));
        } catch (DuplicateKeyException concurrentRegistration) {
            // The same address registered at the same moment: the second goes the way of a repeat.
            store.inTransaction(tx -> register(tx, tenant, currency, email, name, company, passwordHash));
        }
    }

    private Void register(Transaction tx, TenantId tenant, Currency currency, String email, String name, String company, String passwordHash) {
        Instant now = clock.instant();
        Optional<UserRecord> existing = Users.in(tx).lockByEmail(tenant, email);
        if (existing.isEmpty()) {
            AccountId account = accounts.open(tenant, company.isEmpty() ? name : company, currency).id();
            UserRecord user = new UserRecord(UUID.randomUUID(), tenant, account, email, name, company, passwordHash,
                    UserStatus.UNVERIFIED, now, Optional.empty());
            Users.in(tx).create(user);
            mailVerification(tx, user, now);
        } else if (existing.get().status() == UserStatus.UNVERIFIED) {
            // Registering again is how a customer asks for a new link; the latest password is the one that counts.
            UserRecord user = existing.get().withPasswordHash(passwordHash).withProfile(name, company);
            Users.in(tx).update(user);
            mailVerification(tx, user, now);
        } else {
            mail.alreadyRegistered(tenant, email);
        }
        return null;
    }

    @Override
    public void resendVerification(TenantId tenant, String email) {
        store.inTransaction(tx -> {
            Users.in(tx).lockByEmail(tenant, Inputs.normalizeEmail(email)).filter(user -> user.status() == UserStatus.UNVERIFIED)
                    .ifPresent(user -> mailVerification(tx, user, clock.instant()));
            return null;
        });
    }

    private void mailVerification(Transaction tx, UserRecord user, Instant now) {
        Tokens.in(tx).useUp(user.id(), TokenPurpose.VERIFY_EMAIL, now);
        String token = SecretTokens.newToken();
        Tokens.in(tx).save(new TokenRecord(SecretTokens.hash(token), user.id(), TokenPurpose.VERIFY_EMAIL, now,
                now.plus(Duration.ofHours(configuration.verificationHours()))));
        mail.verifyAddress(user.tenant(), user.email(), user.name(), token);
    }

    @Override
    public Customer verify(TenantId tenant, String token) {
        return store.inTransaction(tx -> {
            Instant now = clock.instant();
            UserRecord user = ownerOf(tx, tenant, token, TokenPurpose.VERIFY_EMAIL, now);
            Tokens.in(tx).useUp(user.id(), TokenPurpose.VERIFY_EMAIL, now);
            if (user.status() == UserStatus.UNVERIFIED) {
                user = user.withStatus(UserStatus.ACTIVE, Optional.of(now));
                Users.in(tx).update(user);
            }
            return customer(user);
        });
    }

    @Override
    public Session signIn(TenantId tenant, String email, String password, String clientAddress) {
        Instant now = clock.instant();
        String normalized = Inputs.normalizeEmail(email);
        String addressKey = SignInLimits.addressKey(tenant, normalized);
        String clientKey = SignInLimits.clientKey(clientAddress);
        Optional<SignInLimits.Wait> wait = store.inTransaction(tx -> limits.waitFor(tx, clientKey, addressKey, now));
        if (wait.isPresent()) {
            String when = "Try again in " + minutes(wait.get().remaining()) + ".";
            throw new SignInRefusedException(wait.get().forClient() ? "Too many failed sign-ins from your address. " + when
                    : "Too many failed sign-ins for this email address. " + when, wait.get().remaining());
        }
        // The slow hash holds no lock. A registered and an unknown address take the same steps: one hash, one write.
        Optional<UserRecord> found = store.inTransaction(tx -> Users.in(tx).findByEmail(tenant, normalized));
        String given = password == null ? "" : password;
        boolean right = found.isPresent() ? passwords.verify(given, found.get().passwordHash()) : passwords.verifyDecoy(given);
        if (!right) {
            Optional<Duration> lockedFor = recordFailure(clientKey, addressKey, now);
            throw new SignInRefusedException(REFUSED, lockedFor.orElse(null));
        }
        UserRecord user = found.get();
        if (user.status() == UserStatus.UNVERIFIED) {
            throw new SignInRefusedException("Verify your email address first: follow the link we sent you, or register again for a new one.",
                    null);
        }
        return store.inTransaction(tx -> {
            if (register.find(user.account()).flatMap(AccountRegister.AccountOverview::lock).isPresent()) {
                throw new SignInRefusedException(LOCKED, null);
            }
            limits.succeeded(tx, addressKey);
            String token = SecretTokens.newToken();
            Instant expiresAt = now.plus(Duration.ofHours(configuration.sessionHours()));
            Sessions.in(tx).save(new SessionRecord(SecretTokens.hash(token), user.id(), now, expiresAt));
            return new Session(token, expiresAt, customer(user));
        });
    }

    /** Counts a failed sign-in; a second try if another failure created one of its keys at the same moment. */
    private Optional<Duration> recordFailure(String clientKey, String addressKey, Instant now) {
        try {
            return store.inTransaction(tx -> limits.failed(tx, clientKey, addressKey, now));
        } catch (DuplicateKeyException concurrentFirstFailure) {
            return store.inTransaction(tx -> limits.failed(tx, clientKey, addressKey, now));
        }
    }

    @Override
    public void signOut(String token) {
        store.inTransaction(tx -> {
            Sessions.in(tx).revoke(SecretTokens.hash(token), clock.instant());
            return null;
        });
    }

    @Override
    public Optional<Customer> authenticate(TenantId tenant, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        // A session is its tenant's: the same token at another tenant's host signs nobody in.
        return store.read(tx -> Users.in(tx).findSignedIn(tenant, SecretTokens.hash(token), clock.instant()).map(PortalCustomers::customer));
    }

    @Override
    public void changePassword(TenantId tenant, String sessionToken, String currentPassword, String newPassword, String clientAddress) {
        Customer customer = authenticate(tenant, sessionToken).orElseThrow(() -> new SignInRefusedException(SESSION_ENDED, null));
        Instant now = clock.instant();
        String addressKey = SignInLimits.addressKey(tenant, customer.email());
        String clientKey = SignInLimits.clientKey(clientAddress);
        Optional<SignInLimits.Wait> wait = store.inTransaction(tx -> limits.waitFor(tx, clientKey, addressKey, now));
        if (wait.isPresent()) {
            throw new SignInRefusedException("Too many wrong passwords. Try again later.", wait.get().remaining());
        }
        new Inputs().password("newPassword", newPassword).check();
        UserRecord found = store.read(tx -> Users.in(tx).find(customer.id())).orElseThrow(() -> new SignInRefusedException(SESSION_ENDED, null));
        if (!passwords.verify(currentPassword == null ? "" : currentPassword, found.passwordHash())) {
            Optional<Duration> lockedFor = recordFailure(clientKey, addressKey, now);
            if (lockedFor.isPresent()) {
                throw new SignInRefusedException("Too many wrong passwords. Try again later.", lockedFor.get());
            }
            new Inputs().problem("currentPassword", "This is not your current password.").check();
        }
        passwordPolicy.problem(newPassword, found.email(), found.name(), found.company())
                .ifPresent(problem -> new Inputs().problem("newPassword", problem).check());
        String passwordHash = passwords.hash(newPassword);
        store.inTransaction(tx -> {
            UserRecord user = Users.in(tx).find(customer.id()).orElseThrow(() -> new SignInRefusedException(SESSION_ENDED, null));
            Users.in(tx).update(user.withPasswordHash(passwordHash));
            limits.succeeded(tx, addressKey);
            Sessions.in(tx).revokeAllBut(user.id(), SecretTokens.hash(sessionToken), clock.instant());
            return null;
        });
    }

    @Override
    public void signOutEverywhere(TenantId tenant, String sessionToken) {
        authenticate(tenant, sessionToken).ifPresent(customer -> store.inTransaction(tx -> {
            Sessions.in(tx).revokeAll(customer.id(), clock.instant());
            return null;
        }));
    }

    @Override
    public void requestPasswordReset(TenantId tenant, String email) {
        store.inTransaction(tx -> {
            Instant now = clock.instant();
            Users.in(tx).lockByEmail(tenant, Inputs.normalizeEmail(email)).filter(user -> user.status() == UserStatus.ACTIVE)
                    .ifPresent(user -> {
                        Tokens.in(tx).useUp(user.id(), TokenPurpose.RESET_PASSWORD, now);
                        String token = SecretTokens.newToken();
                        Tokens.in(tx).save(new TokenRecord(SecretTokens.hash(token), user.id(), TokenPurpose.RESET_PASSWORD, now,
                                now.plus(Duration.ofMinutes(configuration.passwordResetMinutes()))));
                        mail.resetPassword(user.tenant(), user.email(), user.name(), token);
                    });
            return null;
        });
    }

    @Override
    public void resetPassword(TenantId tenant, String token, String newPassword) {
        new Inputs().password("newPassword", newPassword).check();
        UserRecord owner = store.inTransaction(tx -> ownerOf(tx, tenant, token, TokenPurpose.RESET_PASSWORD, clock.instant()));
        passwordPolicy.problem(newPassword, owner.email(), owner.name(), owner.company())
                .ifPresent(problem -> new Inputs().problem("newPassword", problem).check());
        String passwordHash = passwords.hash(newPassword);
        store.inTransaction(tx -> {
            Instant now = clock.instant();
            UserRecord user = ownerOf(tx, tenant, token, TokenPurpose.RESET_PASSWORD, now);
            Users.in(tx).update(user.withPasswordHash(passwordHash));
            limits.succeeded(tx, SignInLimits.addressKey(user.tenant(), user.email()));
            Tokens.in(tx).useUp(user.id(), TokenPurpose.RESET_PASSWORD, now);
            Sessions.in(tx).revokeAll(user.id(), now);
            return null;
        });
    }

    /** The user a usable token of this tenant was mailed to, the token locked; another tenant's token is as unknown as a made-up one. */
    private static UserRecord ownerOf(Transaction tx, TenantId tenant, String token, TokenPurpose purpose, Instant now) {
        TokenRecord used = usable(tx, token, purpose, now);
        return Users.in(tx).find(used.user()).filter(user -> user.tenant().equals(tenant))
                .orElseThrow(() -> new InvalidTokenException("This link is not valid."));
    }

    private static TokenRecord usable(Transaction tx, String token, TokenPurpose purpose, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new InvalidTokenException("This link is not valid.");
        }
        return Tokens.in(tx).lockUsable(SecretTokens.hash(token), purpose, now).orElseThrow(() -> new InvalidTokenException(
                "This link is not valid any more: it was used, or it expired. Ask for a new one."));
    }

    private static Customer customer(UserRecord user) {
        return new Customer(user.id(), user.tenant(), user.account(), user.email(), user.name(), user.company());
    }
}
