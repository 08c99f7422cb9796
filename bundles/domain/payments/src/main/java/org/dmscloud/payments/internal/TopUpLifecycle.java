package org.dmscloud.payments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.account.Account;
import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.AccountNotFoundException;
import org.dmscloud.api.account.AccountService;
import org.dmscloud.api.billing.IdempotencyKeyReusedException;
import org.dmscloud.api.customer.InvalidInputException;
import org.dmscloud.api.mail.OperatorMail;
import org.dmscloud.api.money.Money;
import org.dmscloud.api.payment.NewTopUp;
import org.dmscloud.api.payment.PaymentProviderUnavailableException;
import org.dmscloud.api.payment.ReceivedPayment;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpFailedException;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpLimits;
import org.dmscloud.api.payment.TopUpStateException;
import org.dmscloud.api.payment.TopUpStatus;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.plugins.Contributions.Contribution;
import org.dmscloud.spi.payment.Availability;
import org.dmscloud.spi.payment.PaymentProvider;
import org.dmscloud.spi.payment.PaymentProviderException;
import org.dmscloud.spi.payment.TopUpOutcome;
import org.dmscloud.spi.payment.TopUpRequest;
import org.dmscloud.spi.payment.TopUpStart;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A top-up's way from request to money on the balance, talking to its provider. Calls to a provider
 * are made outside database transactions (they may take seconds); what they answer is recorded in one
 * transaction each, with the top-up locked.
 */
@Component(service = TopUpLifecycle.class, configurationPid = PaymentsConfiguration.PID)
public class TopUpLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TopUpLifecycle.class);

    private final Store store;
    private final Clock clock;
    private final AccountService accounts;
    private final PaymentProviderRegistry registry;
    private final TopUpBook book;
    private final OperatorMail operatorMail;
    private final Duration startTimeout;

    /** Started only once this bundle's changes to its tables are applied (its {@code DMS-Changelog}). */
    @Reference(target = PaymentTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public TopUpLifecycle(@Reference Store store, @Reference Clock clock, @Reference AccountService accounts,
            @Reference PaymentProviderRegistry registry, @Reference TopUpBook book, @Reference OperatorMail operatorMail,
            PaymentsConfiguration configuration) {
        this.store = store;
        this.clock = clock;
        this.accounts = accounts;
        this.registry = registry;
        this.book = book;
        this.operatorMail = operatorMail;
        this.startTimeout = Duration.ofMinutes(Math.max(1, configuration.startTimeoutMinutes()));
    }

    /** Records the request, then has the provider start it; a request key seen before answers its top-up. */
    TopUp start(AccountId accountId, String customerEmail, NewTopUp request) {
        Account account = accounts.find(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        // Only a provider the account's tenant may use: another tenant's payment account is as unknown as a made-up one.
        Contribution<PaymentProvider> provider = registry.provider(account.tenant(), request.providerId())
                .orElseThrow(() -> invalid("provider", "There is no payment provider '" + request.providerId() + "'."));
        checkRequest(provider, account, request);
        if (request.requestKey().isPresent()) {
            Optional<TopUp> earlier = store.inTransaction(tx -> TopUps.in(tx).findByRequestKey(accountId, request.requestKey().get()));
            if (earlier.isPresent()) {
                return replay(earlier.get(), request);
            }
        }
        Instant now = clock.instant();
        TopUp topUp = new TopUp(TopUpId.random(), accountId, provider.id(), request.amount(), Money.zero(request.amount().currency()),
                TopUpStatus.STARTING, Optional.empty(), Optional.empty(), "", request.billingDetails(), customerEmail, "", now, now);
        try {
            store.inTransaction(tx -> {
                TopUps.in(tx).insert(topUp, account.tenant(), request.requestKey());
                return null;
            });
        } catch (DuplicateKeyException e) {
            // The same request key arrived twice at once: answer the one that was stored.
            return replay(store.inTransaction(tx -> TopUps.in(tx).findByRequestKey(accountId, request.requestKey().orElseThrow()))
                    .orElseThrow(() -> e), request);
        }
        return startAtProvider(provider, topUp);
    }

    /**
     * Asks the top-up's provider where it stands and records the answer.
     *
     * @return what changed: PAID, FAILED or empty for nothing
     */
    Optional<TopUpStatus> reconcile(TopUp topUp) {
        store.inTransaction(tx -> {
            TopUps.in(tx).markChecked(topUp.id(), clock.instant());
            return null;
        });
        if (!topUp.status().isOpen()) {
            return Optional.empty();
        }
        Contribution<PaymentProvider> provider = registry.provider(topUp.providerId())
                .orElseThrow(() -> new PaymentProviderUnavailableException(topUp.providerId(), "the provider is not installed"));
        if (topUp.status() == TopUpStatus.STARTING) {
            return resume(provider, topUp);
        }
        String reference = topUp.providerReference().orElseThrow();
        TopUpOutcome outcome = provider.service().check(reference);
        return record(topUp, reference, outcome, "reconciliation");
    }

    /** The providers whose payment systems can be asked where a top-up stands (the others only ever answer "pending"). */
    Set<String> checkableProviders() {
        return registry.checkable();
    }

    /** Stops an open top-up at its provider; money already received stays on the balance. */
    TopUp cancel(TopUp topUp, String by) {
        if (!topUp.status().isOpen()) {
            throw new TopUpStateException("This top-up is " + topUp.status().name().toLowerCase().replace('_', ' ')
                    + "; only an open top-up can be cancelled.");
        }
        if (topUp.providerReference().isPresent()) {
            Contribution<PaymentProvider> provider = registry.provider(topUp.providerId())
                    .orElseThrow(() -> new PaymentProviderUnavailableException(topUp.providerId(), "the provider is not installed"));
            String reference = topUp.providerReference().get();
            TopUpOutcome outcome = callProvider(provider, () -> provider.service().cancel(reference));
            if (outcome.status() == TopUpOutcome.Status.PAID) {
                record(topUp, reference, outcome, by);
                throw new TopUpStateException("This top-up was paid before it could be cancelled; the money is on the balance.");
            }
            if (outcome.status() == TopUpOutcome.Status.PENDING) {
                throw new TopUpFailedException(registry.displayName(provider) + " could not stop this payment now. Please try again later.",
                        null);
            }
        }
        return store.inTransaction(tx -> {
            TopUp current = TopUps.in(tx).lock(topUp.id()).orElseThrow();
            if (!current.status().isOpen()) {
                return current;
            }
            TopUp cancelled = TopUpChanges.with(current, TopUpStatus.CANCELLED, current.received(), "Cancelled by " + by + ".", clock.instant());
            TopUps.in(tx).update(cancelled);
            return cancelled;
        });
    }

    private void checkRequest(Contribution<PaymentProvider> provider, Account account, NewTopUp request) {
        String name = registry.displayName(provider);
        Availability availability = registry.availability(provider);
        if (!availability.available()) {
            LOG.warn("A top-up through {} was refused: {}", provider.id(), availability.reason());
            throw new PaymentProviderUnavailableException(name, availability.reason());
        }
        Money amount = request.amount();
        if (!amount.currency().equals(account.balance().currency())) {
            throw invalid("amount", "Top up in your account's currency, " + account.balance().currencyCode() + ".");
        }
        TopUpLimits limits = provider.service().limits(amount.currency())
                .orElseThrow(() -> invalid("provider", name + " does not take " + amount.currencyCode() + "."));
        if (!limits.allows(amount)) {
            throw invalid("amount", "Top up between " + limits.minimum() + " and " + limits.maximum() + " with " + name + ".");
        }
        if (provider.service().needsBillingDetails()) {
            BillingDetailsCheck.require(request.billingDetails(), name);
        } else {
            request.billingDetails().ifPresent(details -> BillingDetailsCheck.require(Optional.of(details), name));
        }
    }

    private static TopUp replay(TopUp earlier, NewTopUp request) {
        if (!earlier.providerId().equals(request.providerId()) || !earlier.amount().equals(request.amount())) {
            throw new IdempotencyKeyReusedException(request.requestKey().orElseThrow());
        }
        return earlier;
    }

    private TopUp startAtProvider(Contribution<PaymentProvider> provider, TopUp topUp) {
        TopUpRequest request = new TopUpRequest(topUp.id(), topUp.account(), topUp.amount(), topUp.customerEmail(), topUp.billingDetails());
        TopUpStart started;
        try {
            started = callProvider(provider, () -> provider.service().start(request));
        } catch (TopUpFailedException e) {
            fail(topUp, e.getMessage());
            throw e;
        }
        return store.inTransaction(tx -> {
            TopUp current = TopUps.in(tx).lock(topUp.id()).orElseThrow();
            if (current.status() != TopUpStatus.STARTING) {
                return current; // started meanwhile by a reconciliation
            }
            TopUp pending = TopUpChanges.started(current, started, clock.instant());
            TopUps.in(tx).update(pending);
            started.operatorTask().ifPresent(task -> operatorMail.notifyOperators("top-up-requested",
                    "Top-up " + pending.amount() + " by " + registry.displayName(provider) + " needs you",
                    task + "\n\nTop-up: " + pending.id() + "\nAccount: " + pending.account() + "\nCustomer: " + pending.customerEmail()
                            + "\nAmount: " + pending.amount() + "\n"));
            return pending;
        });
    }

    private Optional<TopUpStatus> resume(Contribution<PaymentProvider> provider, TopUp topUp) {
        if (Duration.between(topUp.createdAt(), clock.instant()).compareTo(startTimeout) > 0) {
            fail(topUp, "The payment provider never confirmed that the payment started.");
            return Optional.of(TopUpStatus.FAILED);
        }
        try {
            TopUp resumed = startAtProvider(provider, topUp);
            return resumed.status() == TopUpStatus.PENDING ? Optional.empty() : Optional.of(resumed.status());
        } catch (TopUpFailedException e) {
            return Optional.of(TopUpStatus.FAILED);
        }
    }

    private Optional<TopUpStatus> record(TopUp topUp, String reference, TopUpOutcome outcome, String by) {
        return switch (outcome.status()) {
            case PAID -> Optional.of(book.recordPayment(topUp.providerId(), reference,
                    new ReceivedPayment(reference, outcome.received(), by, outcome.detail())).status());
            case FAILED -> Optional.of(book.recordFailure(topUp.providerId(), reference, outcome.detail()).status());
            case PENDING -> Optional.empty();
        };
    }

    private void fail(TopUp topUp, String detail) {
        store.inTransaction(tx -> {
            TopUp current = TopUps.in(tx).lock(topUp.id()).orElseThrow();
            if (current.status() == TopUpStatus.STARTING) {
                TopUps.in(tx).update(TopUpChanges.with(current, TopUpStatus.FAILED, current.received(), detail, clock.instant()));
            }
            return null;
        });
    }

    /** Calls a provider; what it throws becomes a failure in words customers understand, with the details logged. */
    private <T> T callProvider(Contribution<PaymentProvider> provider, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (PaymentProviderException e) {
            LOG.warn("Payment provider {} refused: {}", provider.id(), e.getMessage(), e);
            throw new TopUpFailedException(e.getMessage(), e);
        } catch (Throwable e) { // a plugin's failure, whatever it throws
            LOG.error("Payment provider {} failed", provider.id(), e);
            throw new TopUpFailedException(registry.displayName(provider)
                    + " could not handle the payment. Nothing was charged; please try again later.", e);
        }
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }
}
