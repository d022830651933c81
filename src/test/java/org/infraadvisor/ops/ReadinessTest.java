package org.infraadvisor.ops;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.h2.tools.Server;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;
import org.infraadvisor.testsupport.CuttableTcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /health/readiness} follows what the service needs to answer: the database (a real H2 server,
 * reached through a relay that the test cuts and restores) and a loaded rule set.
 */
class ReadinessTest {

    /** The probe's status is open to anyone; the details (which indicator failed) need the management token. */
    static final String TOKEN = "readiness-test-management-token-012345";

    Server database;
    CuttableTcpProxy network;
    EmbeddedServer app;
    HttpClient http;

    @BeforeEach
    void start() throws Exception {
        database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists",
                "-baseDir", Path.of("target", "test-data").toAbsolutePath().toString()).start();
        network = new CuttableTcpProxy(database.getPort());
        String url = "jdbc:h2:tcp://127.0.0.1:%d/readiness-%s".formatted(network.port(), UUID.randomUUID());
        app = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", url,
                "datasources.default.connection-timeout", 1000,
                "datasources.default.validation-timeout", 500,
                "advisor.management.token", TOKEN,
                "micronaut.server.port", -1), "test");
        http = HttpClient.create(app.getURL());
    }

    @AfterEach
    void stop() throws IOException {
        if (http != null) {
            http.close();
        }
        if (app != null) {
            app.close();
        }
        if (network != null) {
            network.close();
        }
        if (database != null) {
            database.stop();
        }
    }

    /** Status code and body of the readiness probe (503 comes back as an exception from the client). */
    @SuppressWarnings("unchecked")
    Map.Entry<Integer, Map<String, Object>> readiness() {
        try {
            var response = http.toBlocking().exchange(HttpRequest.GET("/health/readiness").bearerAuth(TOKEN), Map.class);
            return Map.entry(response.code(), (Map<String, Object>) response.body());
        } catch (HttpClientResponseException e) {
            return Map.entry(e.code(), (Map<String, Object>) e.getResponse().getBody(Map.class).orElse(Map.of()));
        }
    }

    /**
     * Polls like a kubelet would, with a pause between probes: Hikari re-validates a pooled connection only
     * when it has been idle for 500 ms, so probing back to back would keep handing out the same broken one.
     */
    Map.Entry<Integer, Map<String, Object>> awaitReadiness(int code) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Map.Entry<Integer, Map<String, Object>> r = readiness();
        while (r.getKey() != code && Instant.now().isBefore(deadline)) {
            Thread.sleep(700);
            r = readiness();
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> detail(Map<String, Object> health, String indicator) {
        return (Map<String, Object>) ((Map<String, Object>) health.get("details")).get(indicator);
    }

    @Test
    void readinessFollowsTheDatabaseAwayAndBack() throws IOException, InterruptedException {
        var up = readiness();
        assertThat(up.getKey()).isEqualTo(200);
        assertThat(up.getValue()).containsEntry("status", "UP");
        assertThat(detail(up.getValue(), "jdbc")).containsEntry("status", "UP");

        network.cut();
        var down = awaitReadiness(503);
        assertThat(down.getKey()).isEqualTo(503);
        assertThat(down.getValue()).containsEntry("status", "DOWN");
        assertThat(detail(down.getValue(), "jdbc")).containsEntry("status", "DOWN");
        assertThat(detail(down.getValue(), "rules")).containsEntry("status", "UP");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/health/liveness"), Map.class).get("status")).isEqualTo("UP");

        network.restore();
        var back = awaitReadiness(200);
        assertThat(back.getKey()).as(String.valueOf(back.getValue())).isEqualTo(200);
        assertThat(detail(back.getValue(), "jdbc")).containsEntry("status", "UP");
    }

    @Test
    @SuppressWarnings("unchecked")
    void readinessFollowsTheRules() {
        RuleSetHolder holder = app.getApplicationContext().getBean(RuleSetHolder.class);
        RuleSet serving = holder.current();
        var up = readiness();
        Map<String, Object> rules = detail(up.getValue(), "rules");
        assertThat(rules).containsEntry("status", "UP");
        assertThat((Map<String, Object>) rules.get("details")).containsEntry("version", serving.version());

        // a rule set without flows cannot serve a conversation
        holder.swap(new RuleSet(serving.version(), serving.loadedAt(), serving.kieBase(), Map.of(), serving.accelerators(),
                serving.assumptions(), serving.rules()));
        try {
            var down = readiness();
            assertThat(down.getKey()).isEqualTo(503);
            assertThat(detail(down.getValue(), "rules")).containsEntry("status", "DOWN");
            assertThat(detail(down.getValue(), "jdbc")).containsEntry("status", "UP");
        } finally {
            holder.swap(serving);
        }
        assertThat(readiness().getKey()).isEqualTo(200);
    }
}
