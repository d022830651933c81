package org.infraadvisor.admin;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.util.Optional;

/**
 * Guards every {@code /admin/**} endpoint, whichever feature adds it: the request needs
 * {@code Authorization: Bearer <token>} with the token configured as {@code advisor.admin.token}
 * ({@code ADVISOR_ADMIN_TOKEN}, at least {@value BearerToken#MIN_LENGTH} characters, checked at start-up). Without a
 * configured token the admin endpoints are off and answer 404. Wrong tokens lock the client out ({@link AuthLockout}).
 */
@Context
@ServerFilter({"/admin", "/admin/**"})
public class AdminTokenFilter {

    public static final String PROPERTY = "advisor.admin.token";

    private final Optional<BearerToken> token;
    private final AuthLockout lockout;
    private final ErrorResponseProcessor<?> errors;

    public AdminTokenFilter(@Value("${" + PROPERTY + ":}") @Nullable String token, AuthLockout lockout, ErrorResponseProcessor<?> errors) {
        this.token = BearerToken.configured(PROPERTY, "ADVISOR_ADMIN_TOKEN", token);
        this.lockout = lockout;
        this.errors = errors;
    }

    /** Whether admin endpoints are served at all (a token is configured). */
    public boolean enabled() {
        return token.isPresent();
    }

    /** Whether the request presents the admin token (for other guarded endpoints that an admin may also use). */
    public boolean admits(HttpRequest<?> request) {
        return token.map(t -> t.acceptedFrom(request)).orElse(false);
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        if (token.isEmpty()) {
            return problem(request, HttpStatus.NOT_FOUND,
                    "admin endpoints are off: set advisor.admin.token (ADVISOR_ADMIN_TOKEN) to turn them on");
        }
        Optional<MutableHttpResponse<?>> lockedOut = lockout.refusal(request);
        if (lockedOut.isPresent()) {
            return lockedOut.get();
        }
        if (!BearerToken.presented(request)) {
            return unauthorized(request, "admin endpoints need the header 'Authorization: Bearer <token>'");
        }
        if (!token.get().acceptedFrom(request)) {
            lockout.failed(request);
            return unauthorized(request, "the bearer token is not the admin token");
        }
        return null;
    }

    private HttpResponse<?> unauthorized(HttpRequest<?> request, String detail) {
        return problem(request, HttpStatus.UNAUTHORIZED, detail).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"admin\"");
    }

    private MutableHttpResponse<?> problem(HttpRequest<?> request, HttpStatus status, String detail) {
        return errors.processResponse(ErrorContext.builder(request).errorMessage(detail).build(), HttpResponse.status(status));
    }
}
