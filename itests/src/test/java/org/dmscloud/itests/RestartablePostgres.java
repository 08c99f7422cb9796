package org.dmscloud.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server that a test can stop and start again on the same port and data, as an operator
 * restarts the database under the platform (never inside the distribution).
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    static RestartablePostgres start() {
        try {
            RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("dms-cluster-pg"),
                    Integer.parseInt(DmsCloudTestSupport.freePort()));
            postgres.server = postgres.launch();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EmbeddedPostgres launch() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("max_connections", "200").start();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&connectTimeout=5&socketTimeout=60";
    }

    Connection connect() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    /** Stops the server (every connection to it breaks) and keeps its data. */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it again on the same port and data. */
    void startAgain() {
        try {
            server = launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
