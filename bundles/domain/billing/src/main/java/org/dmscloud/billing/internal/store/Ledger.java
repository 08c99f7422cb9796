package org.dmscloud.billing.internal.store;

import java.util.List;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.billing.LedgerAudit;
import org.dmscloud.api.billing.LedgerEntry;

/** The append-only ledger. Appending is the only way a balance changes. */
public interface Ledger {

    /**
     * Appends the entry and changes the account's balance by its amount, in this transaction.
     *
     * @throws DuplicateKeyException if an entry with this idempotency key exists
     * @throws org.dmscloud.persistence.CheckConstraintException if the balance would go below zero (the database refuses it)
     */
    LedgerEntry append(NewLedgerEntry entry);

    Optional<LedgerEntry> find(long id);

    Optional<LedgerEntry> findByIdempotencyKey(String idempotencyKey);

    /** Newest first: at most {@code limit} entries of the account with an id below {@code beforeId}. */
    List<LedgerEntry> page(AccountId account, long beforeId, int limit);

    /** How many accounts there are, for an audit's report. */
    long countAccounts();

    /**
     * The accounts whose balance differs from the sum of their ledger entries or from the balance after
     * their latest entry, in account id order, at most {@code limit}.
     */
    List<LedgerAudit.Mismatch> mismatches(int limit);
}
