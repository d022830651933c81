package org.infraadvisor.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * {@code advisor.rate-limit.*}: requests per client on {@code /api/**}. A client may send {@code burst}
 * requests at once and {@code requests-per-minute} on average. Clients are told apart by remote address, or
 * by the first {@code X-Forwarded-For} hop when {@code trust-forwarded-for} is set (only behind a proxy that
 * writes that header itself). Addresses in {@code exempt} (loopback by default, so local benchmarks and
 * side-cars are not throttled) are never limited.
 */
@ConfigurationProperties("advisor.rate-limit")
public record RateLimitConfig(@Bindable(defaultValue = "true") boolean enabled,
                              @Bindable(defaultValue = "600") int requestsPerMinute,
                              @Bindable(defaultValue = "120") int burst,
                              @Bindable(defaultValue = "false") boolean trustForwardedFor,
                              @Bindable(defaultValue = "127.0.0.1,::1") List<String> exempt) {
}
