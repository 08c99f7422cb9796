package org.dmscloud.api.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A job as operators see it: when it last started and succeeded, how many runs failed in a row and why the last did,
 * whether it runs now (since when) and when it runs next.
 */
public record JobStatus(String name, String bundle, Duration period, Optional<Instant> lastStarted, Optional<Instant> lastSucceeded,
        int failuresInARow, Optional<String> lastFailure, Optional<Instant> runningSince, Optional<Instant> nextRun) {

    /** Running for longer than this: stuck, as far as an operator is concerned. */
    public boolean isStuck(Instant now, Duration stuckAfter) {
        return runningSince.map(since -> Duration.between(since, now).compareTo(stuckAfter) > 0).orElse(false);
    }
}
