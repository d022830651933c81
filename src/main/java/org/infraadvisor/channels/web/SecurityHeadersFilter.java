package org.infraadvisor.channels.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Adds the browser security headers to every response of the service: a strict Content-Security-Policy
 * (scripts, styles and API calls from the service's own origin only, no inline code, no string-to-HTML sinks
 * via Trusted Types), {@code X-Content-Type-Options: nosniff}, a Referrer-Policy, and the configured
 * {@code frame-ancestors}. The widget, the demo page and the report pages are built to run under it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    private final String contentSecurityPolicy;
    private final String referrerPolicy;

    public SecurityHeadersFilter(WebSettings settings) {
        this.contentSecurityPolicy = contentSecurityPolicy(settings.frameAncestors());
        this.referrerPolicy = settings.referrerPolicy();
    }

    static String contentSecurityPolicy(String frameAncestors) {
        return String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "connect-src 'self'",
                "font-src 'self'",
                "base-uri 'none'",
                "form-action 'self'",
                "object-src 'none'",
                "frame-ancestors " + frameAncestors,
                "require-trusted-types-for 'script'",
                "trusted-types 'none'");
    }

    @ResponseFilter
    public void addSecurityHeaders(MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        if (!headers.contains(CONTENT_SECURITY_POLICY)) {
            headers.add(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", referrerPolicy);
    }
}
