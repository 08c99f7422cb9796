package org.dmscloud.billing.internal.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.account.TenantId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;

/**
 * The daily run's access to the database, in batches (plain JDBC) so that a million instances are billed
 * in about a minute. The decisions stay with the caller; this only reads, locks and writes.
 */
public interface DailyBilling {

    /**
     * Enabled instances of the shard's accounts not paid up to {@code paidBefore}, in run order (oldest
     * first) after the cursor, at most {@code limit}. Locks nothing: call {@link #lockStillDue} before
     * acting on them.
     */
    List<DueInstance> findDue(Instant paidBefore, Shard shard, RunCursor after, int limit);

    /** Locks the accounts (in id order, the global lock order) and answers their balances and tenants. */
    Map<AccountId, AccountToBill> lockAccounts(Collection<AccountId> accounts);

    /** The accounts' balances and tenants, without locking: for {@link #applyIfUnchanged}. */
    Map<AccountId, AccountToBill> readAccounts(Collection<AccountId> accounts);

    /** Locks the instances that are still enabled and due, and answers them in run order. */
    List<DueInstance> lockStillDue(Collection<InstanceId> instances, Instant paidBefore);

    /**
     * Writes the charges: one ledger entry each, coverage to {@code paidUntil} at the charged rate, and
     * each account's balance lowered by the sum of its charges. The caller holds the locks and has
     * computed every {@code balanceAfter}. Answers the ledger entry ids, in the charges' order.
     */
    List<Long> applyCharges(List<DailyCharge> charges);

    /** Disables the instances for insufficient funds, leaving balances and coverage untouched. */
    void disableForInsufficientFunds(Collection<InstanceId> instances);

    /**
     * Writes what {@link #applyCharges} and {@link #disableForInsufficientFunds} write, without the caller
     * holding locks, provided nothing it decided from has changed: each instance still at the version read
     * by {@link #findDue}, each account still at the balance read by {@link #readAccounts}. The writes
     * themselves lock the rows and check, so that a concurrent change is never overwritten.
     *
     * @throws ConcurrentChangeException if something changed; the transaction must then be rolled back
     */
    List<Long> applyIfUnchanged(List<DailyCharge> charges, List<DueInstance> disabled, Map<AccountId, AccountToBill> accountsRead);

    /**
     * An account as the daily run decides from it: its balance, and its tenant, whose plugins and prices its
     * instances are billed by (read with the balance, from the same row, so that finding it costs nothing).
     */
    record AccountToBill(Money balance, TenantId tenant) {

        public AccountToBill {
            Objects.requireNonNull(balance, "balance");
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    /** A row the daily run decided from changed before it could write. */
    class ConcurrentChangeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public ConcurrentChangeException(String message) {
            super(message);
        }
    }

    /**
     * One of {@code count} disjoint parts of the accounts, so that several workers can bill at once: all
     * instances of an account fall in one shard, so each account is still billed oldest instance first.
     */
    record Shard(int index, int count) {

        public static final Shard ALL = new Shard(0, 1);

        public Shard {
            if (count < 1 || count > 256 || index < 0 || index >= count) {
                throw new IllegalArgumentException("shard " + index + " of " + count);
            }
        }
    }

    /** Where a walk over the instances in run order has got to. */
    record RunCursor(Instant createdAt, InstanceId id) {

        /** Before the first instance. */
        public static final RunCursor START = new RunCursor(Instant.EPOCH, new InstanceId(new java.util.UUID(0, 0)));
    }

    /**
     * An enabled instance that the run has to bill.
     *
     * @param paidRateMinor the rate it last paid, in its account's currency: what it goes on at if its configuration
     *                      has no current price (R12)
     * @param paidUntil     the end of its paid coverage when read: what it stays if the instance is disabled
     * @param version       the instance row's version when read, for {@link #applyIfUnchanged}
     * @param ownItems      the items its tenant's own bundles supplied when it was last charged at a current price; empty if
     *                      not known (charged before that was recorded)
     */
    record DueInstance(InstanceId id, AccountId account, String name, InstanceConfiguration configuration, long paidRateMinor, Instant paidUntil,
            Instant createdAt, long version, Optional<Set<String>> ownItems) {

        public DueInstance {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(paidUntil, "paidUntil");
            Objects.requireNonNull(createdAt, "createdAt");
            ownItems = ownItems.map(Set::copyOf);
        }

        public RunCursor cursor() {
            return new RunCursor(createdAt, id);
        }
    }

    /**
     * One daily charge of an instance: the ledger entry to write and the coverage it buys.
     *
     * @param ownItems the items its tenant's own bundles supply, when it is charged at a current price (recorded with it);
     *                 empty when it is charged the rate it last paid (R12), which leaves what was recorded
     */
    record DailyCharge(DueInstance instance, NewLedgerEntry entry, Money balanceAfter, Instant paidUntil, Optional<Set<String>> ownItems) {

        /** A charge at the rate last paid. */
        public DailyCharge(DueInstance instance, NewLedgerEntry entry, Money balanceAfter, Instant paidUntil) {
            this(instance, entry, balanceAfter, paidUntil, Optional.empty());
        }

        public DailyCharge {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(balanceAfter, "balanceAfter");
            Objects.requireNonNull(paidUntil, "paidUntil");
            ownItems = ownItems.map(Set::copyOf);
        }

        /** Whether the suppliers it is charged from differ from those recorded with the instance. */
        public boolean changesOwnItems() {
            return ownItems.isPresent() && !ownItems.equals(instance.ownItems());
        }
    }
}
