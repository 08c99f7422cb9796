package org.dmscloud.api.billing;

/**
 * An action carried a quote it does not match: the quote is unknown or expired, was made for another
 * action, or the amount has changed since (rule R11). Nothing was changed; ask for a new quote.
 */
public class QuoteMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QuoteMismatchException(String message) {
        super(message);
    }
}
