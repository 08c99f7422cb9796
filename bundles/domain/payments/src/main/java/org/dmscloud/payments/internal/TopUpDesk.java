package org.dmscloud.payments.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.payment.DocumentFile;
import org.dmscloud.api.payment.NewTopUp;
import org.dmscloud.api.payment.PaymentProviderUnavailableException;
import org.dmscloud.api.payment.TopUp;
import org.dmscloud.api.payment.TopUpAdministration;
import org.dmscloud.api.payment.TopUpDocument;
import org.dmscloud.api.payment.TopUpId;
import org.dmscloud.api.payment.TopUpNotFoundException;
import org.dmscloud.api.payment.TopUpPayment;
import org.dmscloud.api.payment.TopUpService;
import org.dmscloud.api.payment.TopUpStatus;
import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Top-ups for customers, each seeing only their own account's, and for operators, who see all and
 * reconcile them with the providers.
 */
@Component(service = { TopUpService.class, TopUpAdministration.class }, configurationPid = PaymentsConfiguration.PID)
public class TopUpDesk implements TopUpService, TopUpAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(TopUpDesk.class);
    private static final int MAX_PAGE = 500;

    private final Store store;
    private final Clock clock;
    private final TopUpLifecycle lifecycle;
    private final Duration checkAfter;

    /** Started only once this bundle's changes to its tables are applied (its {@code DMS-Changelog}). */
    @Reference(target = PaymentTables.SCHEMA_FILTER)
    Schema tables;

    @Activate
    public TopUpDesk(@Reference Store store, @Reference Clock clock, @Reference TopUpLifecycle lifecycle, PaymentsConfiguration configuration) {
        this.store = store;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.checkAfter = Duration.ofSeconds(Math.max(0, configuration.checkAfterSeconds()));
    }

    @Override
    public TopUp start(AccountId account, String customerEmail, NewTopUp request) {
        return lifecycle.start(account, customerEmail, request);
    }

    @Override
    public List<TopUp> list(AccountId account, int limit) {
        return list(Optional.empty(), Optional.empty(), Optional.of(account), limit);
    }

    @Override
    public Optional<TopUp> find(AccountId account, TopUpId topUp) {
        return store.inTransaction(tx -> TopUps.in(tx).findOfAccount(account, topUp));
    }

    @Override
    public List<TopUpPayment> payments(AccountId account, TopUpId topUp) {
        return payments(owned(account, topUp).id());
    }

    @Override
    public List<TopUpDocument> documents(AccountId account, TopUpId topUp) {
        return documents(owned(account, topUp).id());
    }

    @Override
    public Optional<DocumentFile> document(AccountId account, TopUpId topUp, String number) {
        TopUpId owned = owned(account, topUp).id();
        return store.inTransaction(tx -> TopUps.in(tx).document(owned, number));
    }

    @Override
    public TopUp cancel(AccountId account, TopUpId topUp) {
        return lifecycle.cancel(owned(account, topUp), "the customer");
    }

    @Override
    public List<TopUp> list(Optional<TopUpStatus> status, Optional<TenantId> tenant, Optional<AccountId> account, int limit) {
        int page = Math.max(1, Math.min(limit, MAX_PAGE));
        return store.inTransaction(tx -> TopUps.in(tx).list(status, tenant, account, page));
    }

    @Override
    public Optional<TopUp> find(TopUpId topUp) {
        return store.inTransaction(tx -> TopUps.in(tx).find(topUp));
    }

    @Override
    public List<TopUpPayment> payments(TopUpId topUp) {
        return store.inTransaction(tx -> TopUps.in(tx).payments(topUp));
    }

    @Override
    public List<TopUpDocument> documents(TopUpId topUp) {
        return store.inTransaction(tx -> TopUps.in(tx).documents(topUp));
    }

    @Override
    public TopUp reconcile(TopUpId topUp) {
        lifecycle.reconcile(existing(topUp));
        return existing(topUp);
    }

    @Override
    public ReconciliationReport reconcileOpen(int limit) {
        // A top-up younger than checkAfter is left to its provider's notification, which normally comes first.
        Set<String> checkable = lifecycle.checkableProviders();
        List<TopUp> due = store.inTransaction(tx -> TopUps.in(tx).dueForCheck(clock.instant().minus(checkAfter), checkable, Math.max(1, limit)));
        int paid = 0;
        int failed = 0;
        int skipped = 0;
        int errors = 0;
        for (TopUp topUp : due) {
            try {
                Optional<TopUpStatus> changed = lifecycle.reconcile(topUp);
                paid += changed.filter(s -> s == TopUpStatus.PAID || s == TopUpStatus.PARTIALLY_PAID).isPresent() ? 1 : 0;
                failed += changed.filter(s -> s == TopUpStatus.FAILED).isPresent() ? 1 : 0;
            } catch (PaymentProviderUnavailableException e) {
                skipped++;
            } catch (RuntimeException e) {
                errors++;
                LOG.warn("Top-up {} could not be reconciled with {}: {}", topUp.id(), topUp.providerId(), e.toString());
            }
        }
        return new ReconciliationReport(due.size(), paid, failed, skipped, errors);
    }

    @Override
    public TopUp cancel(TopUpId topUp, String operator) {
        return lifecycle.cancel(existing(topUp), operator);
    }

    /** The top-up if it is the account's; another account's is as absent as a missing one. */
    private TopUp owned(AccountId account, TopUpId topUp) {
        return find(account, topUp).orElseThrow(() -> new TopUpNotFoundException(topUp.toString()));
    }

    private TopUp existing(TopUpId topUp) {
        return find(topUp).orElseThrow(() -> new TopUpNotFoundException(topUp.toString()));
    }
}
