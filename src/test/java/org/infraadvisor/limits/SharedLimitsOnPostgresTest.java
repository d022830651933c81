package org.infraadvisor.limits;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.infraadvisor.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database, as behind a round-robin load balancer: a client gets the rate and the
 * conversation allowance once, not once per instance, because both instances count in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedLimitsOnPostgresTest {

    static final int BURST = 6;
    static final int CONVERSATIONS_PER_HOUR = 2;

    final HttpClient http = HttpClient.newHttpClient();
    Map<String, Object> database;
    EmbeddedServer a;
    EmbeddedServer b;

    @BeforeAll
    void start() {
        database = TestDatabases.postgres();
        Map<String, Object> config = new HashMap<>(database);
        config.put("micronaut.server.port", -1);
        config.put("advisor.rate-limit.trust-forwarded-for", true);
        config.put("advisor.rate-limit.requests-per-minute", 1);
        config.put("advisor.rate-limit.burst", BURST);
        config.put("advisor.limits.conversations-per-client-per-hour", CONVERSATIONS_PER_HOUR);
        a = ApplicationContext.run(EmbeddedServer.class, config, "test");
        b = ApplicationContext.run(EmbeddedServer.class, config, "test");
    }

    @AfterAll
    void stop() {
        a.close();
        b.close();
    }

    int send(EmbeddedServer server, String client, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path)).header("X-Forwarded-For", client)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRateLimitIsSharedByBothInstances() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= BURST; i++) {
            statuses.add(send(i % 2 == 0 ? a : b, "203.0.113.61", "GET", "/api/flows", null));
        }
        assertThat(statuses.subList(0, BURST)).containsOnly(200);
        assertThat(statuses.get(BURST)).as("the burst is spent across both instances").isEqualTo(429);
        assertThat(send(a, "203.0.113.61", "GET", "/api/flows", null)).isEqualTo(429);
        assertThat(send(b, "203.0.113.62", "GET", "/api/flows", null)).as("another client").isEqualTo(200);
        assertThat(TestDatabases.queryLong(database, "select count(*) from limit_bucket where id like 'rate:%'")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theConversationCapIsSharedByBothInstances() {
        String start = "{\"flow\":\"infra-strategy\"}";
        assertThat(send(a, "203.0.113.71", "POST", "/api/conversations", start)).isEqualTo(201);
        assertThat(send(b, "203.0.113.71", "POST", "/api/conversations", "{\"flow\":\"no-such-flow\"}"))
                .as("a refused start does not count, wherever it was refused").isEqualTo(404);
        assertThat(send(b, "203.0.113.71", "POST", "/api/conversations", start)).isEqualTo(201);
        assertThat(send(a, "203.0.113.71", "POST", "/api/conversations", start)).isEqualTo(429);
        assertThat(send(b, "203.0.113.71", "POST", "/api/conversations", start)).isEqualTo(429);
    }
}
