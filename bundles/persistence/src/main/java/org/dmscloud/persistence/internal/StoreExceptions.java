package org.dmscloud.persistence.internal;

import java.sql.SQLException;

import javax.persistence.PersistenceException;

import org.dmscloud.persistence.StoreUnavailableException;

/** Turns what JPA throws into what callers of the store can act on. */
final class StoreExceptions {

    private StoreExceptions() {
    }

    static RuntimeException translate(PersistenceException e) {
        SQLException sql = sqlCause(e);
        // SQLSTATE class 08: connection exceptions, the same on H2 and PostgreSQL.
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return new StoreUnavailableException("The database cannot be reached: " + sql.getMessage(), e);
        }
        return e;
    }

    static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
