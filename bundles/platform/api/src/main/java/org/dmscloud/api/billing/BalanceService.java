package org.dmscloud.api.billing;

import java.util.List;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.money.Money;
import org.osgi.annotation.versioning.ProviderType;

/** Money in and out of a balance other than by instances, and the ledger that records every change. */
@ProviderType
public interface BalanceService {

    /**
     * Credits money paid in through a payment provider. The idempotency key identifies the payment (e.g.
     * the provider's reference): crediting the same key again changes nothing and answers the first entry.
     */
    LedgerEntry topUp(AccountId account, Money amount, String idempotencyKey, String description);

    /**
     * An operator's correction: a credit or (negative amount) a debit, never below zero.
     *
     * @throws InsufficientFundsException if a debit is larger than the balance
     */
    LedgerEntry adjust(AccountId account, Money amount, String reason, String operator, String idempotencyKey);

    /** The account's ledger, newest first: at most {@code limit} entries with an id below {@code beforeId}. */
    List<LedgerEntry> ledger(AccountId account, long beforeId, int limit);

    /**
     * Compares every account's balance with the sum of its ledger and with the balance after its latest
     * entry, and reports the accounts that differ (at most {@code maxMismatches}). Changes nothing.
     */
    LedgerAudit audit(int maxMismatches);
}
