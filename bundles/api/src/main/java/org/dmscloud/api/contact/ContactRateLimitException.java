package org.dmscloud.api.contact;

import java.time.Duration;
import java.util.Objects;

/** Too many messages came from one address (or from everywhere) lately; the sender may try again later. */
public class ContactRateLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public ContactRateLimitException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
