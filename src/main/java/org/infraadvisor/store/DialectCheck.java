package org.infraadvisor.store;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Locale;

/**
 * Refuses to start when the database URL and the dialect disagree: with the wrong dialect the repositories would
 * send another database's SQL and fail only at the first request.
 */
@Context
@Requires(property = "datasources.default.url")
class DialectCheck {

    DialectCheck(@Value("${datasources.default.url}") String url, @Value("${" + StoreDialect.PROPERTY + ":}") String dialect) {
        String expected = expectedDialect(url);
        if (!expected.equalsIgnoreCase(dialect.trim())) {
            throw new ConfigurationException(("datasources.default.url is a %s URL but %s is '%s': set %s "
                    + "(environment variable DATASOURCES_DEFAULT_DIALECT=%s)")
                    .formatted(expected, StoreDialect.PROPERTY, dialect, expected, expected));
        }
    }

    static String expectedDialect(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return "POSTGRES";
        }
        if (u.startsWith("jdbc:h2:")) {
            return "H2";
        }
        // Only the scheme: the rest of a URL may carry a password.
        String scheme = u.indexOf(':', 5) > 0 ? u.substring(0, u.indexOf(':', 5) + 1) : "an unknown";
        throw new ConfigurationException("datasources.default.url must be a PostgreSQL (jdbc:postgresql:…) or H2 (jdbc:h2:…) URL, not "
                + scheme + " URL");
    }
}
