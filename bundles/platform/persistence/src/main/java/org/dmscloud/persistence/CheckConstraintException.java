package org.dmscloud.persistence;

/**
 * The database refused a change that breaks one of its check constraints (a balance below zero, say): the
 * transaction rolls back, and the message names the constraint.
 */
public class CheckConstraintException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckConstraintException(String message, Throwable cause) {
        super(message, cause);
    }
}
