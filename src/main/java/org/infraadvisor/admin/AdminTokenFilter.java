package org.infraadvisor.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Everything under {@code /admin/**} needs {@code Authorization: Bearer <advisor.admin.token>}. Without a
 * configured token ({@code ADVISOR_ADMIN_TOKEN}) the admin endpoints refuse everyone.
 */
@ServerFilter("/admin/**")
public class AdminTokenFilter implements Ordered {

    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final ErrorResponseProcessor<?> problems;

    public AdminTokenFilter(@Nullable @Value("${advisor.admin.token:}") String token, ErrorResponseProcessor<?> problems) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        if (token == null) {
            return refuse(request, HttpStatus.FORBIDDEN, "the admin endpoints are disabled: no admin token is configured (advisor.admin.token)");
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "the admin endpoints need 'Authorization: Bearer <admin token>'");
        }
        byte[] given = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "the admin token is not valid");
        }
        return null;
    }

    private HttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, String detail) {
        return problems.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                HttpResponse.status(status).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"infra-advisor-admin\""));
    }
}
