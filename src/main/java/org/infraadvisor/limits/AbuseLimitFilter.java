package org.infraadvisor.limits;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Abuse limits on the public API: a request rate per client, and a cap on conversations started per
 * client per hour. A refused request gets {@code 429} with {@code Retry-After} and a problem document.
 */
@ServerFilter("/api/**")
public class AbuseLimitFilter implements Ordered {

    private static final String CONVERSATIONS_PATH = "/api/conversations";
    private static final String STARTED_BY = AbuseLimitFilter.class.getName() + ".startedBy";

    private final RateLimitConfig config;
    private final ClientResolver clients;
    private final ConversationCap cap;
    private final LimitMetrics metrics;
    private final ErrorResponseProcessor<?> problems;
    private final Buckets requests;

    AbuseLimitFilter(RateLimitConfig config, ClientResolver clients, ConversationCap cap, BucketFactory buckets,
                     LimitMetrics metrics, ErrorResponseProcessor<?> problems) {
        this.config = config;
        this.clients = clients;
        this.cap = cap;
        this.metrics = metrics;
        this.problems = problems;
        this.requests = config.enabled()
                ? buckets.create("rate", config.burst(), config.requestsPerMinute(), Duration.ofMinutes(1))
                : null;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        boolean starts = request.getMethod() == HttpMethod.POST && isConversationsPath(request.getPath());
        if (requests == null && !(starts && cap.enabled())) {
            return null;
        }
        ClientResolver.Client from = clients.clientOf(request);
        if (clients.isExempt(from)) {
            return null;
        }
        String client = from.address();
        if (requests != null) {
            OptionalLong wait = requests.tryTake(client);
            if (wait.isPresent()) {
                metrics.limited("rate");
                return tooMany(request, wait.getAsLong(),
                        "too many requests from this client: the limit is %d per minute with bursts of %d"
                                .formatted(config.requestsPerMinute(), config.burst()));
            }
        }
        if (starts) {
            OptionalLong wait = cap.tryStart(client);
            if (wait.isPresent()) {
                metrics.limited("conversations");
                return tooMany(request, wait.getAsLong(),
                        "too many conversations started by this client: the limit is %d per hour".formatted(cap.perHour()));
            }
            request.setAttribute(STARTED_BY, client);
        }
        return null;
    }

    /** Only conversations actually started count against the cap. */
    @ResponseFilter
    public void giveBackIfNotStarted(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() != HttpStatus.CREATED.getCode()) {
            request.getAttribute(STARTED_BY, String.class).ifPresent(cap::giveBack);
        }
    }

    private HttpResponse<?> tooMany(HttpRequest<?> request, long retryAfterSeconds, String detail) {
        return problems.processResponse(ErrorContext.builder(request).errorMessage(detail + "; retry after %d s"
                        .formatted(retryAfterSeconds)).build(),
                HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
    }

    private static boolean isConversationsPath(String path) {
        return path.equals(CONVERSATIONS_PATH) || path.equals(CONVERSATIONS_PATH + "/");
    }
}
