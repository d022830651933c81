package org.infraadvisor.ops;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token, otherwise a new one.
 * The id is in the logging MDC ({@code requestId}) for everything the request logs, is echoed in the
 * response, and ends in one access-log line that names the route template, never the concrete path
 * (conversation ids are capabilities and stay out of logs).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter implements Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Logger ACCESS = LoggerFactory.getLogger("org.infraadvisor.access");
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String ID_ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final String START_ATTRIBUTE = RequestIdFilter.class.getName() + ".start";

    private final AdvisorMetrics metrics;

    public RequestIdFilter(AdvisorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    public void assignId(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ID_ATTRIBUTE, id);
        request.setAttribute(START_ATTRIBUTE, System.nanoTime());
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, id)));
    }

    @ResponseFilter
    public void echoAndLog(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = requestId(request);
        response.header(HEADER, id);
        int status = response.code();
        if (status >= 400) {
            metrics.error(status);
        }
        if (ACCESS.isInfoEnabled()) {
            long start = request.getAttribute(START_ATTRIBUTE, Long.class).orElse(System.nanoTime());
            String route = BasicHttpAttributes.getUriTemplate(request).orElse("(no route)");
            try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
                ACCESS.info("method={} route={} status={} durationMs={}", request.getMethodName(), route, status,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    /** The id given to {@code request} by this filter. */
    public static String requestId(HttpRequest<?> request) {
        return request.getAttribute(ID_ATTRIBUTE, String.class).orElse("-");
    }
}
