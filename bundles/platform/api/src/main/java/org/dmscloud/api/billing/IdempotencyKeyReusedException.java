package org.dmscloud.api.billing;

import org.dmscloud.api.problem.ApiProblem;

/** An idempotency key came back with a different action than the one it was first used for. */
public class IdempotencyKeyReusedException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(String idempotencyKey) {
        super("The idempotency key '" + idempotencyKey + "' was already used for a different action. Use a new key for a new action.");
    }

    @Override
    public String problemType() {
        return "idempotency-key-reused";
    }

    @Override
    public int problemStatus() {
        return 409;
    }
}
