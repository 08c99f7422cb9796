package org.dmscloud.api.contact;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.dmscloud.api.problem.ApiProblem;

/** Too many messages came from one address (or from everywhere) lately; the sender may try again later. */
public class ContactRateLimitException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public ContactRateLimitException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String problemType() {
        return "too-many-attempts";
    }

    @Override
    public int problemStatus() {
        return 429;
    }

    @Override
    public Optional<Duration> problemRetryAfter() {
        return Optional.of(retryAfter);
    }
}
