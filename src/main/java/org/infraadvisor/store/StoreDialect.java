package org.infraadvisor.store;

/**
 * Which SQL the repositories speak follows {@code datasources.default.dialect}. Micronaut Data JDBC builds its SQL
 * ahead of time for the dialect named on {@code @JdbcRepository} and ignores the configured one, so every repository
 * has one variant per supported database and the configuration switches exactly one of them on.
 */
public final class StoreDialect {

    public static final String PROPERTY = "datasources.default.dialect";
    public static final String H2 = "(?i)h2";
    public static final String POSTGRES = "(?i)postgres";

    private StoreDialect() {
    }
}
