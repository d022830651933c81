package org.infraadvisor.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** Datasource settings for the two databases the store runs on, and plain JDBC to look at the rows behind the API. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A new H2 file database under ./target. */
    public static Map<String, Object> h2() {
        return Map.of("datasources.default.url", "jdbc:h2:file:./target/test-data/db-" + UUID.randomUUID(),
                "datasources.default.dialect", "H2");
    }

    /** A new database on the test JVM's PostgreSQL server. */
    public static Map<String, Object> postgres() {
        return TestPostgres.datasource();
    }

    public static Connection connect(Map<String, Object> datasource) throws SQLException {
        return DriverManager.getConnection((String) datasource.get("datasources.default.url"),
                (String) datasource.getOrDefault("datasources.default.username", "sa"),
                (String) datasource.getOrDefault("datasources.default.password", ""));
    }

    /** The single long value a query returns, e.g. a count or a version. */
    public static long queryLong(Map<String, Object> datasource, String sql, Object... args) {
        try (Connection c = connect(datasource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
