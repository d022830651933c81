package org.infraadvisor.ops;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.annotation.Serdeable;
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

    /** A health document: overall status and each indicator's own (with details of its own). */
    @Serdeable
    record Health(@Nullable String status, @Nullable Map<String, JsonNode> details) {

        String status(String indicator) {
            return details.get(indicator).get("status").getStringValue();
        }

        String detail(String indicator, String key) {
            return details.get(indicator).get("details").get(key).getStringValue();
        }
    }

    /** Status code and body of a probe. */
    record Probe(int code, Health health) {
    }

    /** Status code and body of the readiness probe (503 comes back as an exception from the client). */
    Probe readiness() {
        try {
            var response = http.toBlocking().exchange(HttpRequest.GET("/health/readiness").bearerAuth(TOKEN), Health.class);
            return new Probe(response.code(), response.body());
        } catch (HttpClientResponseException e) {
            return new Probe(e.code(), e.getResponse().getBody(Health.class).orElse(new Health(null, Map.of())));
        }
    }

    /**
     * Polls like a kubelet would, with a pause between probes: Hikari re-validates a pooled connection only
     * when it has been idle for 500 ms, so probing back to back would keep handing out the same broken one.
     */
    Probe awaitReadiness(int code) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Probe r = readiness();
        while (r.code() != code && Instant.now().isBefore(deadline)) {
            Thread.sleep(700);
            r = readiness();
        }
        return r;
    }

    @Test
    void readinessFollowsTheDatabaseAwayAndBack() throws IOException, InterruptedException {
        var up = readiness();
        assertThat(up.code()).isEqualTo(200);
        assertThat(up.health().status()).isEqualTo("UP");
        assertThat(up.health().status("jdbc")).isEqualTo("UP");

        network.cut();
        var down = awaitReadiness(503);
        assertThat(down.code()).isEqualTo(503);
        assertThat(down.health().status()).isEqualTo("DOWN");
        assertThat(down.health().status("jdbc")).isEqualTo("DOWN");
        assertThat(down.health().status("rules")).isEqualTo("UP");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/health/liveness"), Health.class).status()).isEqualTo("UP");

        network.restore();
        var back = awaitReadiness(200);
        assertThat(back.code()).as(String.valueOf(back.health())).isEqualTo(200);
        assertThat(back.health().status("jdbc")).isEqualTo("UP");
    }

    @Test
    void readinessFollowsTheRules() {
        RuleSetHolder holder = app.getApplicationContext().getBean(RuleSetHolder.class);
        RuleSet serving = holder.current();
        var up = readiness();
        assertThat(up.health().status("rules")).isEqualTo("UP");
        assertThat(up.health().detail("rules", "version")).isEqualTo(serving.version());

        // a rule set without flows cannot serve a conversation
        holder.swap(new RuleSet(serving.version(), serving.loadedAt(), serving.kieBase(), Map.of(), serving.accelerators(),
                serving.assumptions(), serving.rules()));
        try {
            var down = readiness();
            assertThat(down.code()).isEqualTo(503);
            assertThat(down.health().status("rules")).isEqualTo("DOWN");
            assertThat(down.health().status("jdbc")).isEqualTo("UP");
        } finally {
            holder.swap(serving);
        }
        assertThat(readiness().code()).isEqualTo(200);
    }
}
