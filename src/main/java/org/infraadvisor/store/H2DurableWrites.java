package org.infraadvisor.store;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * An answer is acknowledged only after its commit, which on H2 is durable only when the commit is written at once:
 * H2's own default ({@code WRITE_DELAY=500} ms) loses the last acknowledged answers when the process is killed.
 * So every H2 URL that names a database on disk gets {@code WRITE_DELAY=0} before the pool opens it, whatever the
 * operator wrote; a URL that asks for another delay stops the start with a message saying how to fix it.
 */
@Singleton
class H2DurableWrites implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final String SETTING = "WRITE_DELAY";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        String url = datasource.getConfiguredUrl();
        if (url != null) {
            datasource.setUrl(durable(url, "datasources." + datasource.getName() + ".url"));
        }
        return datasource;
    }

    /** The URL with {@code WRITE_DELAY=0} when it is an H2 database on disk; any other URL as it is. */
    static String durable(String url, String property) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:")) {
            return url;
        }
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && parts[i].substring(0, eq).trim().equalsIgnoreCase(SETTING)) {
                String delay = parts[i].substring(eq + 1).trim();
                if (delay.equals("0")) {
                    return url;
                }
                // Only the setting is quoted: the rest of a URL may carry a password.
                throw new ConfigurationException(("%s sets %s=%s: H2 would answer before a commit is written, so a crash would lose "
                        + "acknowledged answers. Remove %s from the URL (the service sets %s=0 itself) or set %s=0.")
                        .formatted(property, SETTING, shorten(delay), SETTING, SETTING, SETTING));
            }
        }
        return url + (url.endsWith(";") ? "" : ";") + SETTING + "=0";
    }

    private static String shorten(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
