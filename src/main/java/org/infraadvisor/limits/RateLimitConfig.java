package org.infraadvisor.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * {@code advisor.rate-limit.*}: requests per client on {@code /api/**}. A client may send {@code burst}
 * requests at once and {@code requests-per-minute} on average. Clients are told apart by the socket peer, or behind
 * {@code trusted-proxies} proxies by the {@code X-Forwarded-For} entry that many places from the right (the one the
 * outermost trusted proxy wrote). {@code trust-forwarded-for: true} is the same as {@code trusted-proxies: 1}.
 * Direct requests from addresses in {@code exempt} (loopback by default, so local benchmarks and side-cars are not
 * throttled) are never limited; a forwarded address never makes a request exempt.
 */
@ConfigurationProperties("advisor.rate-limit")
public record RateLimitConfig(@Bindable(defaultValue = "true") boolean enabled,
                              @Bindable(defaultValue = "600") int requestsPerMinute,
                              @Bindable(defaultValue = "120") int burst,
                              @Bindable(defaultValue = "false") boolean trustForwardedFor,
                              @Bindable(defaultValue = "0") int trustedProxies,
                              @Bindable(defaultValue = "127.0.0.1,::1") List<String> exempt) {

    /** How many proxies in front of the service append to {@code X-Forwarded-For}; 0 = the socket peer is the client. */
    public int trustedHops() {
        return trustedProxies > 0 ? trustedProxies : trustForwardedFor ? 1 : 0;
    }
}
