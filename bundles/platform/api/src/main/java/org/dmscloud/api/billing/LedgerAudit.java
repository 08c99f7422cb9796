package org.dmscloud.api.billing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.money.Money;

/**
 * The result of comparing every account's balance with its ledger: the balance must equal the sum of
 * the account's ledger entries and the balance after its latest entry.
 *
 * @param accountsChecked how many accounts were compared
 * @param mismatches      the accounts that differ, at most as many as asked for
 */
public record LedgerAudit(long accountsChecked, List<Mismatch> mismatches, Instant checkedAt) {

    public LedgerAudit {
        mismatches = List.copyOf(mismatches);
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /**
     * An account whose balance its ledger does not explain.
     *
     * @param ledgerTotal       the sum of its ledger entries
     * @param latestBalanceAfter the balance recorded with its latest entry; empty without entries
     */
    public record Mismatch(AccountId account, Money balance, Money ledgerTotal, Optional<Money> latestBalanceAfter) {

        public Mismatch {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(balance, "balance");
            Objects.requireNonNull(ledgerTotal, "ledgerTotal");
            Objects.requireNonNull(latestBalanceAfter, "latestBalanceAfter");
        }
    }
}
