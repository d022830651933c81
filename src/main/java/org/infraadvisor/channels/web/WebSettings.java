package org.infraadvisor.channels.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the web channel ({@code advisor.web.*}). {@code advisor.web.allowed-origins} is not here: it feeds
 * Micronaut's own CORS configuration in application.yml.
 *
 * @param frameAncestors  the CSP {@code frame-ancestors} sources allowed to frame the service's own pages
 * @param referrerPolicy  the {@code Referrer-Policy} sent with every response
 */
@ConfigurationProperties("advisor.web")
public record WebSettings(
        @Bindable(defaultValue = "'self'") String frameAncestors,
        @Bindable(defaultValue = "no-referrer") String referrerPolicy) {
}
