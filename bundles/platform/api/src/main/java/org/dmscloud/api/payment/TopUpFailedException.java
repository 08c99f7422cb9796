package org.dmscloud.api.payment;

import org.dmscloud.api.problem.ApiProblem;

/** The payment provider refused or failed to start a top-up; the message says so in words for customers. */
public class TopUpFailedException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    public TopUpFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String problemType() {
        return "payment-provider-failed";
    }

    @Override
    public int problemStatus() {
        return 502;
    }
}
