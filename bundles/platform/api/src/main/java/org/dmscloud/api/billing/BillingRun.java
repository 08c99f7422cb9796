package org.dmscloud.api.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.money.Money;

/**
 * One execution of the daily run for one day.
 *
 * @param charged      instances charged their daily rate
 * @param disabled     instances disabled because the balance was short
 * @param skipped      instances found due that turned out paid or disabled when locked (another node,
 *                     or an earlier run, was there first)
 * @param failed       instances that could not be billed (e.g. their package is no longer on sale); they
 *                     are left as they were and the next run of the day tries them again
 * @param totalCharged what was charged, one amount per currency
 */
public record BillingRun(long id, LocalDate day, String node, Status status, Instant startedAt,
        Optional<Instant> finishedAt, long charged, long disabled, long skipped, long failed, List<Money> totalCharged) {

    public enum Status { RUNNING, COMPLETED, FAILED }

    public BillingRun {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        totalCharged = List.copyOf(totalCharged);
    }
}
