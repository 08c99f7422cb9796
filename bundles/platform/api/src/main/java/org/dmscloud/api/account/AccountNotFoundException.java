package org.dmscloud.api.account;

import org.dmscloud.api.problem.ApiProblem;

/** No such account. */
public class AccountNotFoundException extends RuntimeException implements ApiProblem {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(AccountId id) {
        super("There is no account " + id + ".");
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
