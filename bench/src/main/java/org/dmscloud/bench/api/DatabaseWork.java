package org.dmscloud.bench.api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL did for a row of the benchmark: statements (from {@code pg_stat_statements}, which the bench's
 * server preloads) and transactions of the platform's database, reset before the row and read after it, so that
 * each can be divided by the requests the row made.
 */
final class DatabaseWork {

    /** The statements and transactions of one row, and its busiest statements. */
    record Work(long statements, long transactions, List<String> busiest) {
    }

    private final Connection connection;
    private long transactionsBefore;

    DatabaseWork(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    void reset() throws SQLException, InterruptedException {
        settle();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
            transactionsBefore = transactions(statement);
        }
    }

    Work read(long requests) throws SQLException, InterruptedException {
        settle();
        try (Statement statement = connection.createStatement()) {
            long transactions = transactions(statement) - transactionsBefore;
            long statements = 0;
            List<String> busiest = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT calls, query FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' "
                    + "AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY calls DESC")) {
                while (rows.next()) {
                    statements += rows.getLong("calls");
                    if (busiest.size() < 8 && requests > 0) {
                        busiest.add(String.format(java.util.Locale.ROOT, "%.2f per request: %s", rows.getLong("calls") / (double) requests,
                                rows.getString("query").replaceAll("\\s+", " ")));
                    }
                }
            }
            return new Work(statements, transactions, busiest);
        }
    }

    /** The server's statistics are flushed shortly after the transactions that made them, not at once. */
    private static void settle() throws InterruptedException {
        Thread.sleep(1_500);
    }

    private static long transactions(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }
}
