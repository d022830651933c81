package org.infraadvisor.limits;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limit and conversation cap, switched on for clients told apart by {@code X-Forwarded-For} (trusted
 * here). Every test uses its own client address, so the buckets of one test do not affect another.
 */
@MicronautTest
@Property(name = "advisor.rate-limit.trust-forwarded-for", value = "true")
@Property(name = "advisor.rate-limit.requests-per-minute", value = "6")
@Property(name = "advisor.rate-limit.burst", value = "5")
@Property(name = "advisor.rate-limit.exempt", value = "192.0.2.99")
@Property(name = "advisor.limits.conversations-per-client-per-hour", value = "2")
class AbuseLimitTest {

    @Inject
    @Client("/")
    HttpClient http;

    /** As the one trusted proxy would pass it on: whatever the client claimed, then the address the proxy saw. */
    static <T> MutableHttpRequest<T> from(String client, MutableHttpRequest<T> request) {
        return request.header("X-Forwarded-For", "198.51.100.1, " + client);
    }

    /** The status of a request, whether it succeeded or not, with the response for checks. */
    HttpResponse<?> send(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    static void assertTooMany(HttpResponse<?> response, String detailContains) {
        assertThat(response.code()).isEqualTo(429);
        assertThat(response.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        assertThat(response.getHeaders().get("Retry-After")).isNotNull();
        assertThat(Long.parseLong(response.getHeaders().get("Retry-After"))).isBetween(1L, 3600L);
        assertThat(response.getBody(String.class)).hasValueSatisfying(body -> assertThat(body)
                .contains("\"status\":429").contains(detailContains));
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(send(from("203.0.113.10", HttpRequest.GET("/api/flows"))).code()).as("request %d", i + 1).isEqualTo(200);
        }
        HttpResponse<?> refused = send(from("203.0.113.10", HttpRequest.GET("/api/flows")));
        assertTooMany(refused, "too many requests from this client");
        // about one request every ten seconds comes back
        assertThat(Long.parseLong(refused.getHeaders().get("Retry-After"))).isBetween(1L, 10L);

        assertThat(send(from("203.0.113.11", HttpRequest.GET("/api/flows"))).code()).as("another client").isEqualTo(200);
        assertThat(send(HttpRequest.GET("/health")).code()).as("outside /api").isEqualTo(200);
    }

    @Test
    void anExemptAddressInAForwardedHeaderIsNotExempt() {
        for (int i = 0; i < 5; i++) {
            assertThat(send(from("192.0.2.99", HttpRequest.GET("/api/flows"))).code()).isEqualTo(200);
        }
        assertTooMany(send(from("192.0.2.99", HttpRequest.GET("/api/flows"))), "too many requests from this client");
    }

    @Test
    void conversationsPerClientAreCappedAndOnlyStartedOnesCount() {
        String client = "203.0.113.20";
        assertThat(send(from(client, HttpRequest.POST("/api/conversations", Map.of("flow", "no-such-flow")))).code()).isEqualTo(404);
        assertThat(send(from(client, HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy")))).code()).isEqualTo(201);
        assertThat(send(from(client, HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy")))).code()).isEqualTo(201);
        HttpResponse<?> third = send(from(client, HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy"))));
        assertTooMany(third, "too many conversations started by this client");
        // with two an hour, the next start is about half an hour away
        assertThat(Long.parseLong(third.getHeaders().get("Retry-After"))).isBetween(1700L, 1800L);

        assertThat(send(from("203.0.113.21", HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy")))).code())
                .as("another client").isEqualTo(201);
    }

    @Test
    void withoutTrustForwardedForTheHeaderIsIgnoredAndLoopbackIsExemptByDefault() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "advisor.rate-limit.requests-per-minute", 6, "advisor.rate-limit.burst", 3,
                "micronaut.server.port", -1), "test");
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            for (int i = 0; i < 10; i++) {
                assertThat(client.toBlocking().exchange(from("203.0.113.30", HttpRequest.GET("/api/flows"))).code())
                        .as("loopback is exempt by default, whatever X-Forwarded-For says").isEqualTo(200);
            }
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "advisor.rate-limit.requests-per-minute", 6, "advisor.rate-limit.burst", 3,
                "advisor.rate-limit.exempt", "192.0.2.99", "micronaut.server.port", -1), "test");
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            for (int i = 0; i < 3; i++) {
                String forwarded = "203.0.113.%d".formatted(40 + i);
                assertThat(client.toBlocking().exchange(from(forwarded, HttpRequest.GET("/api/flows"))).code()).isEqualTo(200);
            }
            HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(from("203.0.113.49", HttpRequest.GET("/api/flows"))));
            assertTooMany(e.getResponse(), "too many requests");
        }
    }
}
