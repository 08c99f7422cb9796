package org.dmscloud.billing.internal.store;

import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.dmscloud.persistence.Transaction;
import org.dmscloud.persistence.jdbc.Jdbc;

/**
 * Billing's repositories in one transaction of the store. The JPA ones work through an entity manager on the
 * transaction's own connection, so that what they write and lock is in the same transaction as the ledger's
 * plain JDBC and every other bundle's work; the store alone commits it.
 */
public final class BillingTransaction {

    /**
     * Entity-manager properties of EclipseLink, by name to stay on the JPA API: the connection to use, and that
     * reads go through it too (they must see this transaction's rows and locks).
     */
    private static final String DATA_SOURCE = "javax.persistence.nonJtaDataSource";
    private static final String EXCLUSIVE_CONNECTION_MODE = "eclipselink.jdbc.exclusive-connection.mode";

    private final Transaction transaction;
    private final EntityManagerFactory entities;
    private final BatchWrites batchWrites;
    private final Jdbc jdbc;
    private final boolean readOnly;
    private EntityManager entityManager;

    BillingTransaction(Transaction transaction, EntityManagerFactory entities, BatchWrites batchWrites, boolean readOnly) {
        this.transaction = transaction;
        this.readOnly = readOnly;
        this.entities = entities;
        this.batchWrites = batchWrites;
        this.jdbc = Jdbc.of(transaction);
    }

    public Accounts accounts() {
        return new JpaAccounts(entityManager());
    }

    public Instances instances() {
        return new JpaInstances(entityManager());
    }

    public Ledger ledger() {
        return new JdbcLedger(jdbc);
    }

    public Quotes quotes() {
        return new JdbcQuotes(jdbc);
    }

    public IdempotentActions idempotentActions() {
        return new JdbcIdempotentActions(jdbc);
    }

    public BillingRuns billingRuns() {
        return new JdbcBillingRuns(jdbc);
    }

    public JdbcAccountRegister accountRegister() {
        return new JdbcAccountRegister(jdbc);
    }

    public OwnItems ownItems() {
        return new OwnItems(jdbc);
    }

    public DailyBilling dailyBilling() {
        return new JdbcDailyBilling(jdbc, batchWrites);
    }

    /** Whether this is a {@link BillingStore#read read}, whose statements are not one transaction. */
    boolean readOnly() {
        return readOnly;
    }

    /** The store's transaction this work runs in. */
    public Transaction transaction() {
        return transaction;
    }

    private EntityManager entityManager() {
        if (entityManager == null) {
            EntityManager opened = entities.createEntityManager(Map.of(DATA_SOURCE, new TransactionDataSource(transaction.connection()),
                    EXCLUSIVE_CONNECTION_MODE, "Always"));
            opened.getTransaction().begin();
            entityManager = opened;
        }
        return entityManager;
    }

    /**
     * Writes what the entity manager holds; its "commit" reaches no connection, the store commits. A read writes
     * nothing: what its work changed on entities is dropped with the entity manager.
     */
    void flush() {
        if (entityManager != null && !readOnly) {
            entityManager.flush();
            entityManager.getTransaction().commit();
        }
    }

    void close() {
        if (entityManager != null) {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
            entityManager.close();
        }
    }
}
