package org.dmscloud.persistence;

/** A row with the same unique key exists: typically the same action, done before or concurrently. */
public class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
