package org.dmscloud.api.payment;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.account.AccountId;
import org.osgi.annotation.versioning.ProviderType;

/** Top-ups as operators see them: every account's, with reconciliation against the providers. */
@ProviderType
public interface TopUpAdministration {

    /** The latest top-ups, newest first, optionally only with this status, of this tenant's customers or of this account. */
    List<TopUp> list(Optional<TopUpStatus> status, Optional<TenantId> tenant, Optional<AccountId> account, int limit);

    Optional<TopUp> find(TopUpId topUp);

    List<TopUpPayment> payments(TopUpId topUp);

    List<TopUpDocument> documents(TopUpId topUp);

    /**
     * Asks the top-up's provider where it stands and records the answer: a payment the provider saw is
     * credited (once, however often it is asked), a failed or expired one marked failed. A top-up the
     * provider never confirmed starting is started again under the same idempotency key.
     */
    TopUp reconcile(TopUpId topUp);

    /** Reconciles up to {@code limit} open top-ups, least recently checked first. */
    ReconciliationReport reconcileOpen(int limit);

    /** Stops an open top-up, as {@link TopUpService#cancel} does for customers. */
    TopUp cancel(TopUpId topUp, String operator);

    /**
     * What one reconciliation pass did.
     *
     * @param skipped top-ups whose provider is not installed or not available
     * @param errors  top-ups whose provider could not be asked (each logged)
     */
    record ReconciliationReport(int checked, int paid, int failed, int skipped, int errors) {
    }
}
