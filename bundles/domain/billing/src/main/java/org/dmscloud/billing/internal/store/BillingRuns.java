package org.dmscloud.billing.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dmscloud.api.billing.BillingRun;
import org.dmscloud.api.instance.InstanceId;
import org.dmscloud.api.money.Money;

/** The record of every daily run. */
public interface BillingRuns {

    /** Records that a run for {@code day} started; answers its id. */
    long start(LocalDate day, String node, Instant startedAt);

    /** Adds one batch's counts, charged amounts and failures to the run's record. */
    void addProgress(long runId, RunProgress progress);

    void finish(long runId, BillingRun.Status status, Instant finishedAt);

    /**
     * Marks failed the runs of this node still recorded as running: a node that starts runs none, so they were cut off
     * when it stopped (killed, or its machine lost). Answers their ids.
     */
    List<Long> failCutOff(String node, Instant at);

    /**
     * Marks failed the runs of any node still recorded as running that started before {@code startedBefore}: a run takes
     * minutes, so one that old has nobody working on it (its node lost and not started again). Answers them as they were.
     */
    List<BillingRun> failAbandoned(Instant startedBefore, Instant at);

    Optional<BillingRun> find(long runId);

    /** The latest run of one day, if any. */
    Optional<BillingRun> latest(LocalDate day);

    /** The failures recorded for the run: instance and reason. */
    Map<InstanceId, String> failures(long runId);

    /** The latest runs, newest first. */
    List<BillingRun> history(int limit);

    /** What one batch of a run did. */
    record RunProgress(long charged, long disabled, long skipped, Map<InstanceId, String> failures, List<Money> charges) {
    }
}
