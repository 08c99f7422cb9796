package org.dmscloud.api.job;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work a bundle needs done every so often (deliver due mail, reconcile top-ups, purge what is past its retention),
 * registered as an OSGi service and run by the platform's job runner: never two runs of one job at once, the next
 * run a period after the last one ends, and a failure (anything thrown, an {@link Error} too) logged, counted, shown
 * to operators and followed by a run after a {@link #backoff()} wait, so that no job dies of it. Work shared by the
 * nodes of a cluster claims its rows in the database in its own transactions; the runner runs the job on every node.
 */
@ConsumerType
public interface PeriodicJob {

    /** A name operators know the job by, unique on the platform, e.g. {@code mail-delivery}. */
    String name();

    /** The wait between the end of a run and the start of the next. */
    Duration period();

    /** The wait before the first run after the job is registered; by default one period. */
    default Duration firstRunAfter() {
        return period();
    }

    /** The waits after failures in a row; by default from one period up to an hour. */
    default Backoff backoff() {
        Duration hour = Duration.ofHours(1);
        return new Backoff(period(), period().compareTo(hour) > 0 ? period() : hour);
    }

    /** Runs once. Throw to say it failed; what it did before is its own (commit its work in its own transactions). */
    void run() throws Exception;
}
