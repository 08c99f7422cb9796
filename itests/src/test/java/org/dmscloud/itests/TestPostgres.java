package org.dmscloud.itests;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for a test run, started in the test JVM (never inside the distribution,
 * which is why no test class names this library's types).
 */
final class TestPostgres {

    private TestPostgres() {
    }

    /** Starts a server that lives until the JVM exits; answers the JDBC URL of its database. */
    static String start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // The JVM is going away and the data directory is temporary.
                }
            }));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL for the test", e);
        }
    }
}
