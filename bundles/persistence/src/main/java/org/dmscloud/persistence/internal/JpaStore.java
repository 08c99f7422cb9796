package org.dmscloud.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.sql.DataSource;

import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.StoreUnavailableException;
import org.dmscloud.persistence.TransactionWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on JPA with resource-local transactions. The schema is migrated at start; when the
 * database is down then, the first transaction after it comes back migrates it instead.
 */
@Component(service = Store.class, immediate = true)
public class JpaStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);

    private final EntityManagerFactory entityManagerFactory;
    private final SchemaMigrations migrations;
    private final DataSource dataSource;
    private final ThreadLocal<JpaTransaction> current = new ThreadLocal<>();
    private volatile BatchWrites batchWrites;

    @Activate
    public JpaStore(@Reference(target = DataSourceNames.PERSISTENCE_UNIT_FILTER) EntityManagerFactory entityManagerFactory,
            @Reference(target = DataSourceNames.DATA_SOURCE_FILTER) DataSource dataSource) {
        this.entityManagerFactory = entityManagerFactory;
        this.dataSource = dataSource;
        this.migrations = new SchemaMigrations(dataSource);
        try {
            migrations.ensureApplied();
        } catch (StoreUnavailableException e) {
            LOG.error("{} The first transaction will try again.", e.getMessage(), e);
        }
    }

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        JpaTransaction joined = current.get();
        if (joined != null) {
            return work.run(joined);
        }
        migrations.ensureApplied();
        BatchWrites writes = batchWrites();
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            JpaTransaction jpaTransaction = new JpaTransaction(entityManager, writes);
            current.set(jpaTransaction);
            R result = work.run(jpaTransaction);
            entityManager.flush();
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            throw StoreExceptions.translate(e);
        } finally {
            current.remove();
            if (transaction.isActive()) {
                transaction.rollback();
            }
            entityManager.close();
        }
    }

    /** The bulk writes for the database behind the data source, found out once. */
    private BatchWrites batchWrites() {
        BatchWrites writes = batchWrites;
        if (writes == null) {
            try (Connection connection = dataSource.getConnection()) {
                writes = BatchWrites.of(connection.getMetaData().getDatabaseProductName());
                batchWrites = writes;
            } catch (SQLException e) {
                throw StoreExceptions.translate(e);
            }
        }
        return writes;
    }
}
