package org.infraadvisor.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/**
 * Some parts of the framework refuse a request with a bare status and no body (the CORS filter answers 403 to an
 * origin it does not allow). Every error of the service is a problem document, so this outermost filter gives such
 * responses one, saying what was refused.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class BodylessErrorFilter implements Ordered {

    private final ErrorResponseProcessor<?> processor;

    public BodylessErrorFilter(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @ResponseFilter
    public void addProblem(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || response.getBody().isPresent() || request.getMethod() == HttpMethod.HEAD) {
            return;
        }
        processor.processResponse(ErrorContext.builder(request).errorMessage(detail(request, response)).build(), response);
    }

    private static String detail(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (response.code() == 403 && origin != null && response.getHeaders().get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN) == null) {
            String shown = origin.length() > 100 ? origin.substring(0, 100) + "…" : origin;
            return "cross-origin requests from origin '%s' are not allowed here (CORS)".formatted(shown);
        }
        return "%s %s: %s".formatted(request.getMethodName(), request.getPath(), response.getStatus().getReason());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
