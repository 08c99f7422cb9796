package org.dmscloud.billing.internal.store;

import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.dmscloud.persistence.Schema;
import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.jdbc.Jdbc;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing's tables in the platform's transactions: the work runs in the {@link Store}'s transaction (joining
 * one that runs already), with billing's repositories on its connection. A call made while billing work runs
 * on the same thread joins that work.
 */
@Component(service = BillingStore.class)
public final class BillingStore {

    /** Billing's persistence unit ({@code META-INF/persistence.xml}), registered by Aries JPA. */
    public static final String PERSISTENCE_UNIT = "dmscloud-billing";

    private static final Logger LOG = LoggerFactory.getLogger(BillingStore.class);

    private final Store store;
    private final EntityManagerFactory entities;
    private final ThreadLocal<BillingTransaction> current = new ThreadLocal<>();
    private volatile BatchWrites batchWrites;

    /** Billing's own changes to its tables are applied (its {@code DMS-Changelog}) before any of its work runs. */
    @Activate
    public BillingStore(@Reference Store store, @Reference(target = "(osgi.unit.name=" + PERSISTENCE_UNIT + ")") EntityManagerFactory entities,
            @Reference(target = BillingTables.SCHEMA_FILTER) Schema schema) {
        this(store, entities);
    }

    /** Wired by hand, on a database whose billing changes are applied. */
    public BillingStore(Store store, EntityManagerFactory entities) {
        this.store = store;
        this.entities = entities;
        deploy();
    }

    /**
     * EclipseLink sets the unit up (logs in, detects the database) at the first entity manager, with a connection
     * of its own from the pool. Done here, at start, not in the first transactions: each of those holds a
     * connection already, and as many of them at once as the pool has connections would wait for that one
     * more until the pool gave up (found by the portal API benchmark, 16 requests at once after a start).
     */
    private void deploy() {
        try {
            entities.createEntityManager().close();
        } catch (PersistenceException e) {
            LOG.warn("Billing's persistence unit could not be set up now ({}); the first transaction that needs it will.", e.getMessage());
        }
    }

    /** The platform's store, for work that is not billing's. */
    public Store store() {
        return store;
    }

    /** Runs the work in one transaction (or in the one running) and returns its result; nothing of it stays if it throws. */
    public <R> R inTransaction(BillingWork<R> work) {
        BillingTransaction joined = current.get();
        if (joined != null) {
            if (joined.readOnly()) {
                throw new IllegalStateException("Billing cannot change anything inside a read: run the whole work in inTransaction.");
            }
            return work.run(joined);
        }
        return store.inTransaction(transaction -> run(new BillingTransaction(transaction, entities, batchWrites(Jdbc.of(transaction)), false), work));
    }

    /**
     * Runs work that only reads, as {@link Store#read} does: no transaction around its statements, so none to begin
     * and commit. Inside billing work, or a transaction of the store, it joins that.
     */
    public <R> R read(BillingWork<R> work) {
        BillingTransaction joined = current.get();
        if (joined != null) {
            return work.run(joined);
        }
        return store.read(transaction -> run(new BillingTransaction(transaction, entities, batchWrites(Jdbc.of(transaction)), true), work));
    }

    private <R> R run(BillingTransaction billing, BillingWork<R> work) {
        current.set(billing);
        try {
            R result = work.run(billing);
            billing.flush();
            return result;
        } finally {
            current.remove();
            billing.close();
        }
    }

    /** The bulk writes for the database behind the store, found out once. */
    private BatchWrites batchWrites(Jdbc jdbc) {
        BatchWrites writes = batchWrites;
        if (writes == null) {
            writes = jdbc.call(connection -> BatchWrites.of(connection.getMetaData().getDatabaseProductName()));
            batchWrites = writes;
        }
        return writes;
    }

    /** Work on billing's tables. */
    @FunctionalInterface
    public interface BillingWork<R> {
        R run(BillingTransaction transaction);
    }

}
