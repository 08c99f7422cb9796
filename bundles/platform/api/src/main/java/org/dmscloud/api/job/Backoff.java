package org.dmscloud.api.job;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait after failures in a row: the first wait, doubled after each further failure, never longer than the
 * longest. The one formula of the platform's retries: jobs, mail, deployments, listeners and bundles' tables.
 */
public record Backoff(Duration first, Duration longest) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff waits no negative time, at most its longest: " + first + ", " + longest);
        }
    }

    /** The wait after this many failures in a row, the first failure being 1 (none is treated as one). */
    public Duration after(long failures) {
        long doublings = Math.max(0, failures - 1);
        // Doubling 62 times overflows; the longest wait is reached long before for any sensible pair.
        if (doublings >= 62 || first.toNanos() > longest.toNanos() >> doublings) {
            return longest;
        }
        return first.multipliedBy(1L << doublings);
    }
}
