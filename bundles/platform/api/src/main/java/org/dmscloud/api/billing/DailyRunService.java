package org.dmscloud.api.billing;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The daily run (R1, R2): bills every enabled instance for one UTC day, each at most once. */
@ProviderType
public interface DailyRunService {

    /**
     * Runs the daily run for {@code day} now and answers its record. Safe to repeat and to run on several
     * nodes at once: nobody is charged twice for one day.
     *
     * @throws IllegalArgumentException for a day after today (UTC, by the platform clock)
     */
    BillingRun run(LocalDate day);

    /**
     * What {@link #run} for {@code day} would charge and disable if it ran now, by the same rules, changing
     * nothing; lists the first {@code listLimit} instances in run order.
     *
     * @throws IllegalArgumentException for a day after today
     */
    RunPreview preview(LocalDate day, int listLimit);

    /** The latest runs, newest first. */
    List<BillingRun> history(int limit);
}
