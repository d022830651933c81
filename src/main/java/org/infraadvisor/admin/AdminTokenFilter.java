package org.infraadvisor.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards every {@code /admin/**} endpoint, whichever feature adds it: the request needs
 * {@code Authorization: Bearer <token>} with the token configured as {@code advisor.admin.token}
 * ({@code ADVISOR_ADMIN_TOKEN}). Without a configured token the admin endpoints are off and answer 404.
 */
@ServerFilter({"/admin", "/admin/**"})
public class AdminTokenFilter {

    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final ErrorResponseProcessor<?> errors;

    public AdminTokenFilter(@Value("${advisor.admin.token:}") @Nullable String token, ErrorResponseProcessor<?> errors) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
        this.errors = errors;
    }

    /** Whether admin endpoints are served at all (a token is configured). */
    public boolean enabled() {
        return token != null;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        if (token == null) {
            return problem(request, HttpStatus.NOT_FOUND,
                    "admin endpoints are off: set advisor.admin.token (ADVISOR_ADMIN_TOKEN) to turn them on");
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized(request, "admin endpoints need the header 'Authorization: Bearer <token>'");
        }
        byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // constant-time: the time taken does not tell how much of the token was right
        if (!MessageDigest.isEqual(given, token)) {
            return unauthorized(request, "the bearer token is not the admin token");
        }
        return null;
    }

    private HttpResponse<?> unauthorized(HttpRequest<?> request, String detail) {
        return problem(request, HttpStatus.UNAUTHORIZED, detail).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"admin\"");
    }

    private io.micronaut.http.MutableHttpResponse<?> problem(HttpRequest<?> request, HttpStatus status, String detail) {
        return errors.processResponse(ErrorContext.builder(request).errorMessage(detail).build(), HttpResponse.status(status));
    }
}
