package org.dmscloud.api.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.dmscloud.api.account.AccountId;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;

/**
 * What the daily run for a day would do if it ran now, worked out by the same rules without changing
 * anything: whom it would charge, whom it would disable for a short balance, and what it could not bill.
 *
 * @param totalCharged what would be charged, one amount per currency
 * @param items        the first of them in run order, as many as asked for
 */
public record RunPreview(LocalDate day, long charges, long disables, long failures, List<Money> totalCharged, List<Item> items) {

    public RunPreview {
        Objects.requireNonNull(day, "day");
        totalCharged = List.copyOf(totalCharged);
        items = List.copyOf(items);
    }

    public enum Outcome { CHARGE, DISABLE, FAIL }

    /**
     * One instance's outcome.
     *
     * @param rate    its daily rate; for a failure, zero
     * @param balance the account's balance before it, as the run would find it
     * @param detail  for a failure, why
     */
    public record Item(Outcome outcome, AccountId account, InstanceId instance, Money rate, Money balance, String detail) {

        public Item {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(balance, "balance");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
