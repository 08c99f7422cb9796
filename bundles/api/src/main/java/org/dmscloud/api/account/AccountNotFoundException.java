package org.dmscloud.api.account;

/** No such account. */
public class AccountNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(AccountId id) {
        super("There is no account " + id + ".");
    }
}
