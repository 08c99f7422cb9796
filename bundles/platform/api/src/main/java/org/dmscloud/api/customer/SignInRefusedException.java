package org.dmscloud.api.customer;

import java.time.Duration;
import java.util.Optional;

import org.dmscloud.api.problem.ApiProblem;

/**
 * A sign-in that did not succeed. The message never says whether the address exists or the password was
 * wrong; {@link #retryAfter()} is set when too many failures make further attempts wait.
 */
public class SignInRefusedException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public SignInRefusedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Too many failures make it a matter of waiting; otherwise the credentials were not right. */
    @Override
    public String problemType() {
        return retryAfter == null ? "sign-in-refused" : "too-many-attempts";
    }

    @Override
    public int problemStatus() {
        return retryAfter == null ? 401 : 429;
    }

    @Override
    public Optional<Duration> problemRetryAfter() {
        return retryAfter();
    }
}
