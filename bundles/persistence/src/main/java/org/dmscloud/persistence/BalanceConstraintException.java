package org.dmscloud.persistence;

/** The database refused a change that would make a balance negative. */
public class BalanceConstraintException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BalanceConstraintException(String message, Throwable cause) {
        super(message, cause);
    }
}
