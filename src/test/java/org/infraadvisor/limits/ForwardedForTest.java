package org.infraadvisor.limits;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client writes in {@code X-Forwarded-For} never switches the limits off: loopback in any spelling is exempt
 * only as the socket peer of a direct request, and behind {@code n} trusted proxies the client is the entry that the
 * outermost trusted proxy appended, so rotating the part the client wrote gains nothing. The test connects from
 * loopback, so it plays both the client and the proxies.
 */
class ForwardedForTest {

    static final int BURST = 3;
    static final List<String> FORGED_LOOPBACK = List.of("127.0.0.1", "::1", "::ffff:127.0.0.1", "127.000.000.001", "[::1]:8080",
            "0:0:0:0:0:0:0:1", "127.0.0.1:443", "localhost");

    final HttpClient http = HttpClient.newHttpClient();

    EmbeddedServer server(Map<String, Object> limits) {
        Map<String, Object> config = new HashMap<>(limits);
        config.put("advisor.rate-limit.requests-per-minute", 1);
        config.put("advisor.rate-limit.burst", BURST);
        config.put("micronaut.server.port", -1);
        return ApplicationContext.run(EmbeddedServer.class, config, "test");
    }

    int flows(EmbeddedServer server, String... forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + "/api/flows"));
        for (String line : forwardedFor) {
            request.header("X-Forwarded-For", line);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void forgedLoopbackIsLimitedLikeAnyOtherClient() {
        try (EmbeddedServer server = server(Map.of("advisor.rate-limit.trust-forwarded-for", true))) {
            for (String forged : FORGED_LOOPBACK) {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i <= BURST; i++) {
                    statuses.add(flows(server, forged));
                }
                assertThat(statuses).as("X-Forwarded-For: %s", forged).contains(429);
            }
            for (int i = 0; i < 3 * BURST; i++) {
                assertThat(flows(server)).as("a direct request from loopback is exempt").isEqualTo(200);
            }
        }
    }

    @Test
    void rotatingWhatTheClientWroteDoesNotEvadeTheLimit() {
        Random random = new Random(7);
        try (EmbeddedServer server = server(Map.of("advisor.rate-limit.trust-forwarded-for", true))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i <= BURST; i++) {
                String rotating = "%d.%d.%d.%d".formatted(1 + random.nextInt(223), random.nextInt(256), random.nextInt(256), 1 + random.nextInt(254));
                // the client's own claim, then what the proxy appended: the address it saw
                statuses.add(flows(server, rotating + ", 127.0.0.1", "203.0.113.77"));
            }
            assertThat(statuses.subList(0, BURST)).containsOnly(200);
            assertThat(statuses.get(BURST)).isEqualTo(429);
        }
    }

    @Test
    void withTwoTrustedProxiesTheClientIsTheSecondEntryFromTheRight() {
        try (EmbeddedServer server = server(Map.of("advisor.rate-limit.trusted-proxies", 2))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i <= BURST; i++) {
                // forged by the client, written by the outer proxy (the client), written by the inner proxy (the outer proxy)
                statuses.add(flows(server, "127.0.0.%d, 203.0.113.9, 10.1.0.%d".formatted(i + 1, i + 1)));
            }
            assertThat(statuses.subList(0, BURST)).containsOnly(200);
            assertThat(statuses.get(BURST)).isEqualTo(429);
            assertThat(flows(server, "203.0.113.10, 10.1.0.1")).as("another client").isEqualTo(200);
        }
    }

    @Test
    void addressesAreComparedInOneSpelling() {
        assertThat(ClientResolver.canonical("::ffff:127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(ClientResolver.canonical("[::1]:8080")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(ClientResolver.canonical("203.0.113.5:4711")).isEqualTo("203.0.113.5");
        assertThat(ClientResolver.canonical(" 2001:DB8::1 ")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(ClientResolver.canonical("x".repeat(500))).hasSize(100);
    }
}
