package org.dmscloud.api.billing;

import org.dmscloud.api.problem.ApiProblem;

/**
 * An action carried a quote it does not match: the quote is unknown or expired, was made for another
 * action, or the amount has changed since (rule R11). Nothing was changed; ask for a new quote.
 */
public class QuoteMismatchException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    public QuoteMismatchException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "quote-mismatch";
    }

    @Override
    public int problemStatus() {
        return 409;
    }
}
