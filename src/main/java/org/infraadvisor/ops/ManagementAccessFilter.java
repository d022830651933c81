package org.infraadvisor.ops;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.infraadvisor.admin.AdminTokenFilter;
import org.infraadvisor.admin.AuthLockout;
import org.infraadvisor.admin.BearerToken;

import java.security.Principal;
import java.util.Optional;

/**
 * Metrics and health details are for operators: {@code /prometheus} and the details of {@code /health} (database,
 * disk, rules) need the management side — the port {@code endpoints.all.port}, when the operator gives the management
 * endpoints one — or {@code Authorization: Bearer <token>} with {@code advisor.management.token} (or the admin token).
 * Anonymous {@code /health}, {@code /health/liveness} and {@code /health/readiness} still answer with their status
 * (200 or 503), so load balancers and kubelets probe them as before. Wrong tokens count towards {@link AuthLockout}.
 */
@Context
@ServerFilter({"/prometheus", "/prometheus/**", "/health", "/health/**"})
public class ManagementAccessFilter implements Ordered {

    public static final String PROPERTY = "advisor.management.token";
    private static final Principal OPERATOR = () -> "operator";

    private final Optional<BearerToken> token;
    private final Integer managementPort;
    private final AdminTokenFilter admin;
    private final AuthLockout lockout;
    private final ErrorResponseProcessor<?> problems;

    ManagementAccessFilter(@Value("${" + PROPERTY + ":}") @Nullable String token, @Value("${endpoints.all.port:}") @Nullable Integer managementPort,
                           AdminTokenFilter admin, AuthLockout lockout, ErrorResponseProcessor<?> problems) {
        this.token = BearerToken.configured(PROPERTY, "ADVISOR_MANAGEMENT_TOKEN", token);
        this.managementPort = managementPort;
        this.admin = admin;
        this.lockout = lockout;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        if (managementPort != null && request.getServerAddress().getPort() == managementPort) {
            return operator(request);
        }
        if (BearerToken.presented(request)) {
            var lockedOut = lockout.refusal(request);
            if (lockedOut.isPresent()) {
                return lockedOut.get();
            }
            if (token.map(t -> t.acceptedFrom(request)).orElse(false) || admin.admits(request)) {
                return operator(request);
            }
            lockout.failed(request);
            return unauthorized(request, "the bearer token is neither the management token nor the admin token");
        }
        if (request.getPath().startsWith("/prometheus")) {
            return unauthorized(request, "metrics need the header 'Authorization: Bearer <token>' with advisor.management.token "
                    + "(ADVISOR_MANAGEMENT_TOKEN), or the management port (endpoints.all.port)");
        }
        return null;
    }

    /** Marks the request as an operator's: the health endpoint then shows its details ({@code details-visible: AUTHENTICATED}). */
    private static HttpResponse<?> operator(HttpRequest<?> request) {
        request.setUserPrincipal(OPERATOR);
        return null;
    }

    /**
     * Gives endpoints that take a {@link Principal} (the health endpoint) the operator this filter let in; without
     * Micronaut Security nothing else binds one.
     */
    @Singleton
    static class OperatorBinder implements TypedRequestArgumentBinder<Principal> {
        @Override
        public Argument<Principal> argumentType() {
            return Argument.of(Principal.class);
        }

        @Override
        public BindingResult<Principal> bind(ArgumentConversionContext<Principal> context, HttpRequest<?> request) {
            Optional<Principal> operator = request.getUserPrincipal();
            return operator.isPresent() ? () -> operator : BindingResult.empty();
        }
    }

    private HttpResponse<?> unauthorized(HttpRequest<?> request, String detail) {
        return problems.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                HttpResponse.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"management\""));
    }
}
