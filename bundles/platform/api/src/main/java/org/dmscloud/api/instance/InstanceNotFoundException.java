package org.dmscloud.api.instance;

import org.dmscloud.api.problem.ApiProblem;

/** No such instance in the caller's account: it does not exist, is deleted, or is someone else's. */
public class InstanceNotFoundException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    public InstanceNotFoundException(InstanceId id) {
        super("There is no instance " + id + " in this account.");
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
