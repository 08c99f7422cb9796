package org.dmscloud.persistence.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.dmscloud.persistence.Store;
import org.dmscloud.persistence.TransactionWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The store: one JDBC connection of the pool per transaction, which every bundle's repositories share (JPA ones
 * through it too), committed by this store alone. It has no tables of its own: each bundle brings its own
 * ({@link BundleChangelogs}).
 */
@Component(service = Store.class, immediate = true)
public class JdbcStore implements Store {

    private final DataSource dataSource;
    private final ThreadLocal<JdbcTransaction> current = new ThreadLocal<>();

    @Activate
    public JdbcStore(@Reference(target = DataSourceNames.DATA_SOURCE_FILTER) DataSource dataSource) {
        this.dataSource = dataSource;
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
