package org.dmscloud.persistence;

/** The database cannot be used right now: unreachable, or its schema could not be brought up to date. */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
