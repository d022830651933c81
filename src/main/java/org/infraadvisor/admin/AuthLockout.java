package org.infraadvisor.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.infraadvisor.limits.BucketFactory;
import org.infraadvisor.limits.Buckets;
import org.infraadvisor.limits.ClientResolver;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Locks a client out of the token-guarded endpoints (admin and management) after
 * {@code advisor.admin.lockout.failed-attempts} wrong tokens, for the time it takes to earn one attempt back
 * ({@code advisor.admin.lockout.period} spread over the attempts). While locked out even the right token is refused,
 * so guessing gains nothing. On PostgreSQL the count is shared by every instance.
 */
@Singleton
public class AuthLockout {

    private final Buckets failures;
    private final ClientResolver clients;
    private final ErrorResponseProcessor<?> problems;

    AuthLockout(@Value("${advisor.admin.lockout.failed-attempts:10}") int attempts,
                @Value("${advisor.admin.lockout.period:15m}") Duration period,
                BucketFactory buckets, ClientResolver clients, ErrorResponseProcessor<?> problems) {
        this.failures = buckets.create("auth-failures", attempts, attempts, period);
        this.clients = clients;
        this.problems = problems;
    }

    /** A {@code 429} while the request's client is locked out, else empty. */
    public Optional<MutableHttpResponse<?>> refusal(HttpRequest<?> request) {
        OptionalLong wait = failures.peek(client(request));
        return wait.isEmpty() ? Optional.empty() : Optional.of(tooMany(request, wait.getAsLong()));
    }

    /** Counts a wrong token against the request's client. */
    public void failed(HttpRequest<?> request) {
        failures.tryTake(client(request));
    }

    private String client(HttpRequest<?> request) {
        return clients.clientOf(request).address();
    }

    private MutableHttpResponse<?> tooMany(HttpRequest<?> request, long seconds) {
        String detail = "too many wrong tokens from this client; try again in %d s".formatted(seconds);
        return problems.processResponse(ErrorContext.builder(request).errorMessage(detail).build(),
                HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }
}
