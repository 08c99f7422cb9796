package org.dmscloud.persistence.internal;

import java.sql.SQLException;

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
 * The store: one JDBC connection of the pool per transaction, which every bundle's repositories share (JPA ones
 * through it too), committed by this store alone. The schema is migrated at start; when the database is down
 * then, the first transaction after it comes back migrates it instead.
 */
@Component(service = Store.class, immediate = true)
public class JdbcStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private final DataSource dataSource;
    private final SchemaMigrations migrations;
    private final ThreadLocal<JdbcTransaction> current = new ThreadLocal<>();

    @Activate
    public JdbcStore(@Reference(target = DataSourceNames.DATA_SOURCE_FILTER) DataSource dataSource) {
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
        JdbcTransaction joined = current.get();
        if (joined != null) {
            if (joined.readOnly()) {
                throw new IllegalStateException("A transaction cannot start inside a read, whose statements are not one transaction: "
                        + "run the whole work in Store.inTransaction.");
            }
            return work.run(joined);
        }
        return run(JdbcTransaction.begin(dataSource), work);
    }

    @Override
    public <R> R read(TransactionWork<R> work) {
        JdbcTransaction joined = current.get();
        return joined != null ? work.run(joined) : run(JdbcTransaction.read(dataSource), work);
    }

    private <R> R run(JdbcTransaction transaction, TransactionWork<R> work) {
        migrations.ensureApplied();
        current.set(transaction);
        try {
            R result = work.run(transaction);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            throw StoreExceptions.translate(e);
        } catch (SQLException e) {
            throw StoreExceptions.translate(e);
        } finally {
            current.remove();
            transaction.end();
        }
    }
}
