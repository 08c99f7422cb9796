package org.dmscloud.billing.internal.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The connection of one store transaction, as a data source for an entity manager: the entity manager may
 * begin, "commit", "roll back" and "close" on it, but the connection's transaction and life belong to the
 * store, so those calls reach nothing. Everything else (statements, locks, savepoints) goes through.
 */
final class TransactionDataSource implements DataSource {

    private static final Set<String> THE_STORES = Set.of("commit", "rollback", "close", "setAutoCommit");

    private final Connection connection;

    TransactionDataSource(Connection transactionConnection) {
        this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                new Shared(transactionConnection));
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing to log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the connection is open already
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
        throw new java.sql.SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }

    private record Shared(Connection connection) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            // rollback(Savepoint) has an argument and goes through: it undoes a statement, not the transaction.
            if (THE_STORES.contains(method.getName()) && (arguments == null || method.getName().equals("setAutoCommit"))) {
                return null;
            }
            if (method.getName().equals("equals") && arguments != null && arguments.length == 1) {
                return proxy == arguments[0];
            }
            if (method.getName().equals("hashCode") && arguments == null) {
                return System.identityHashCode(proxy);
            }
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
