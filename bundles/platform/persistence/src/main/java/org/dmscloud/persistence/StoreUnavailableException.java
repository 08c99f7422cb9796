package org.dmscloud.persistence;

import org.dmscloud.api.health.UnavailableException;

/** The database cannot be used right now: unreachable, or its schema could not be brought up to date. */
public class StoreUnavailableException extends UnavailableException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
