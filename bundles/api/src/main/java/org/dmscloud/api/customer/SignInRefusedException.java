package org.dmscloud.api.customer;

import java.time.Duration;
import java.util.Optional;

/**
 * A sign-in that did not succeed. The message never says whether the address exists or the password was
 * wrong; {@link #retryAfter()} is set when too many failures make further attempts wait.
 */
public class SignInRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public SignInRefusedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
