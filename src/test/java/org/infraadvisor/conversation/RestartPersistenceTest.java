package org.infraadvisor.conversation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation acknowledged by one server is there, unchanged, after that server stops and a new one starts on the same H2 file. */
class RestartPersistenceTest {

    @Test
    @SuppressWarnings("unchecked")
    void conversationSurvivesARestart() {
        Map<String, Object> config = Map.of("datasources.default.url",
                "jdbc:h2:file:./target/test-data/restart-" + UUID.randomUUID(), "micronaut.server.port", -1);
        String id;
        Map<String, Object> before;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            Map<String, Object> c = http.toBlocking().retrieve(HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy")), Map.class);
            id = (String) c.get("id");
            http.toBlocking().retrieve(HttpRequest.POST("/api/conversations/" + id + "/answers", Map.of("question", "workload", "value", "training")), Map.class);
            before = http.toBlocking().retrieve(HttpRequest.POST("/api/conversations/" + id + "/answers", Map.of("question", "model_size_b", "value", 7)), Map.class);
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            Map<String, Object> after = http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id), Map.class);
            assertThat(after).isEqualTo(before);
            assertThat((java.util.List<?>) after.get("answers")).hasSize(2);
        }
    }
}
