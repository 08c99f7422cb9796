package org.dmscloud.api.health;

/**
 * Something the platform needs, such as its database, cannot be used right now: the request was not carried out
 * and may be tried again shortly. The portal answers it with 503 and {@code Retry-After}.
 */
public class UnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
