package org.dmscloud.persistence.internal;

import javax.persistence.EntityManager;

import org.dmscloud.persistence.Accounts;
import org.dmscloud.persistence.Transaction;

/** The repositories of one transaction, sharing its entity manager. */
final class JpaTransaction implements Transaction {

    private final Accounts accounts;

    JpaTransaction(EntityManager entityManager) {
        this.accounts = new JpaAccounts(entityManager);
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }
}
