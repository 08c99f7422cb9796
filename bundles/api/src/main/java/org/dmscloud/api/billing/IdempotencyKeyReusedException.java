package org.dmscloud.api.billing;

/** An idempotency key came back with a different action than the one it was first used for. */
public class IdempotencyKeyReusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(String idempotencyKey) {
        super("The idempotency key '" + idempotencyKey + "' was already used for a different action. Use a new key for a new action.");
    }
}
