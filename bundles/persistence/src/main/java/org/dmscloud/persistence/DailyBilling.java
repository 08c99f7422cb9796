package org.dmscloud.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.catalog.InstanceConfiguration;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The daily run's access to the database, in batches (plain JDBC) so that a million instances are billed
 * in about a minute. The decisions stay with the caller; this only reads, locks and writes.
 */
@ProviderType
public interface DailyBilling {

    /**
     * Enabled instances of the shard's accounts not paid up to {@code paidBefore}, in run order (oldest
     * first) after the cursor, at most {@code limit}. Locks nothing: call {@link #lockStillDue} before
     * acting on them.
     */
    List<DueInstance> findDue(Instant paidBefore, Shard shard, RunCursor after, int limit);

    /** Locks the accounts (in id order, the global lock order) and answers their balances. */
    Map<AccountId, Money> lockBalances(Collection<AccountId> accounts);

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

    /** An enabled instance that the run has to bill. */
    record DueInstance(InstanceId id, AccountId account, InstanceConfiguration configuration, Instant createdAt) {

        public DueInstance {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        public RunCursor cursor() {
            return new RunCursor(createdAt, id);
        }
    }

    /** One daily charge: the ledger entry to write and the coverage it buys. */
    record DailyCharge(NewLedgerEntry entry, Money balanceAfter, Instant paidUntil) {

        public DailyCharge {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(balanceAfter, "balanceAfter");
            Objects.requireNonNull(paidUntil, "paidUntil");
        }
    }
}
