package org.dmscloud.persistence.internal;

import java.sql.SQLException;

import org.dmscloud.persistence.CheckConstraintException;
import org.dmscloud.persistence.DuplicateKeyException;
import org.dmscloud.persistence.StoreUnavailableException;

/** Turns what JDBC and JPA throw into what callers of the store can act on. SQLSTATEs are standard. */
public final class StoreExceptions {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION_POSTGRES = "23514";
    private static final String CHECK_VIOLATION_H2 = "23513";
    /**
     * The server going away under an open connection: shut down by its operator (a restart), crashed, or still
     * starting. As unavailable as a connection refused, and the next request, on a new connection, may work.
     */
    private static final java.util.Set<String> SERVER_GOING_AWAY = java.util.Set.of("57P01", "57P02", "57P03");

    private StoreExceptions() {
    }

    static RuntimeException translate(RuntimeException e) {
        SQLException sql = sqlCause(e);
        return sql == null ? e : translate(sql, e);
    }

    public static RuntimeException translate(SQLException sql) {
        return translate(sql, sql);
    }

    private static RuntimeException translate(SQLException sql, Exception original) {
        String state = String.valueOf(sql.getSQLState());
        if (state.startsWith("08") || SERVER_GOING_AWAY.contains(state)) {
            return new StoreUnavailableException("The database cannot be reached: " + sql.getMessage(), original);
        }
        if (state.equals(UNIQUE_VIOLATION)) {
            return new DuplicateKeyException(sql.getMessage(), original);
        }
        if (state.equals(CHECK_VIOLATION_POSTGRES) || state.equals(CHECK_VIOLATION_H2)) {
            return new CheckConstraintException("The database refused the change: " + sql.getMessage(), original);
        }
        return original instanceof RuntimeException runtime ? runtime : new IllegalStateException(sql.getMessage(), sql);
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
