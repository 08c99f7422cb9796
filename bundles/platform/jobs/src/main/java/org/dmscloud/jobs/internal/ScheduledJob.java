package org.dmscloud.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.dmscloud.api.job.Backoff;
import org.dmscloud.api.job.JobStatus;
import org.dmscloud.api.job.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered job and how it goes: its next run timed by the runner's timer and run on a thread of its own, so
 * that a job that hangs holds only itself up; never two runs at once; anything thrown contained and counted.
 */
final class ScheduledJob {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJob.class);

    private final PeriodicJob job;
    private final String name;
    private final String bundle;
    private final Duration period;
    private final Backoff backoff;
    private final Duration firstRunAfter;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Executor runs;

    private ScheduledFuture<?> next;
    private boolean cancelled;
    private Instant lastStarted;
    private Instant lastSucceeded;
    private int failuresInARow;
    private String lastFailure;
    private Instant runningSince;
    private Instant nextRun;

    /** What the job says of itself, read once; a job that says nonsense is refused before it runs. */
    ScheduledJob(PeriodicJob job, String bundle, Clock clock, ScheduledExecutorService timer, Executor runs) {
        this.job = job;
        this.bundle = bundle;
        this.clock = clock;
        this.timer = timer;
        this.runs = runs;
        this.name = job.name();
        this.period = job.period();
        this.backoff = job.backoff();
        this.firstRunAfter = job.firstRunAfter();
        if (name == null || name.isBlank() || period == null || period.isNegative() || period.isZero() || backoff == null
                || firstRunAfter == null || firstRunAfter.isNegative()) {
            throw new IllegalArgumentException("a job needs a name, a positive period, a backoff and a first run that is not past: " + name
                    + ", " + period + ", " + backoff);
        }
    }

    void start() {
        schedule(firstRunAfter);
    }

    synchronized void cancel() {
        cancelled = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private synchronized void schedule(Duration wait) {
        if (!cancelled) {
            nextRun = clock.instant().plus(wait);
            try {
                next = timer.schedule(() -> runs.execute(this::runOnce), wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                cancelled = true; // the runner is stopping with its bundle
            }
        }
    }

    private void runOnce() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            runningSince = clock.instant();
            lastStarted = runningSince;
            nextRun = null;
        }
        Duration wait = backoff.after(failuresInARow + 1L); // until the run says otherwise
        try {
            job.run();
            synchronized (this) {
                if (failuresInARow > 0) {
                    LOG.info("Job {} of bundle {} succeeded again after {} failed runs", name, bundle, failuresInARow);
                }
                lastSucceeded = clock.instant();
                failuresInARow = 0;
                lastFailure = null;
            }
            wait = period;
        } catch (Throwable failure) { // whatever a job throws, it runs again: no job may die of it
            String reason = describe(failure);
            int failures;
            synchronized (this) {
                failures = ++failuresInARow;
                lastFailure = reason;
                wait = backoff.after(failures);
            }
            LOG.error("Job {} of bundle {} failed ({} in a row); it runs again in {}: {}", name, bundle, failures, wait, reason, failure);
        } finally {
            synchronized (this) {
                runningSince = null;
            }
            schedule(wait); // in finally: not even a failure that cannot be described or logged stops the job
        }
    }

    /** What a failure says of itself; its toString is the job's code too, and may throw. */
    static String describe(Throwable failure) {
        try {
            return failure.toString();
        } catch (Throwable nonsense) {
            return failure.getClass().getName();
        }
    }

    synchronized JobStatus status() {
        return new JobStatus(name, bundle, period, Optional.ofNullable(lastStarted), Optional.ofNullable(lastSucceeded), failuresInARow,
                Optional.ofNullable(lastFailure), Optional.ofNullable(runningSince), Optional.ofNullable(nextRun));
    }
}
