package org.dmscloud.api.customer;

import org.dmscloud.api.problem.ApiProblem;

/** A link's token is unknown, used or expired. */
public class InvalidTokenException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "invalid-token";
    }

    @Override
    public int problemStatus() {
        return 400;
    }
}
