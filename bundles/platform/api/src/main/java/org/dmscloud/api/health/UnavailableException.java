package org.dmscloud.api.health;

import java.time.Duration;
import java.util.Optional;

import org.dmscloud.api.problem.ApiProblem;

/**
 * Something the platform needs, such as its database, cannot be used right now: the request was not carried out
 * and may be tried again shortly. The portal answers it with 503 and {@code Retry-After}.
 */
public class UnavailableException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String problemType() {
        return "unavailable";
    }

    @Override
    public int problemStatus() {
        return 503;
    }

    /** The message is for the log (what is down); the client hears only that nothing was done. */
    @Override
    public String problemDetail() {
        return "The service is briefly unavailable and did nothing with this request. Please try again in a few seconds.";
    }

    /** About how long the nodes' health takes to see the database back. */
    @Override
    public Optional<Duration> problemRetryAfter() {
        return Optional.of(Duration.ofSeconds(5));
    }
}
