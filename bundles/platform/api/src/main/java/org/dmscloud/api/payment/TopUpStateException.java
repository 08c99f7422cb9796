package org.dmscloud.api.payment;

import org.dmscloud.api.problem.ApiProblem;

/** The top-up is not in a state that allows this, e.g. cancelling one that was paid. */
public class TopUpStateException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    public TopUpStateException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "top-up-state";
    }

    @Override
    public int problemStatus() {
        return 409;
    }
}
