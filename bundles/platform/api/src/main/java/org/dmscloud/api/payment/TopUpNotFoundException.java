package org.dmscloud.api.payment;

import org.dmscloud.api.problem.ApiProblem;

/** No such top-up, or not one the caller may see. */
public class TopUpNotFoundException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    public TopUpNotFoundException(String what) {
        super("There is no top-up " + what + ".");
    }

    @Override
    public String problemType() {
        return "not-found";
    }

    @Override
    public int problemStatus() {
        return 404;
    }
}
