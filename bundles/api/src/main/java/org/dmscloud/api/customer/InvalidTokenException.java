package org.dmscloud.api.customer;

/** A link's token is unknown, used or expired. */
public class InvalidTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message);
    }
}
