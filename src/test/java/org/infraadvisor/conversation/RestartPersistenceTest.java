package org.infraadvisor.conversation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.AdvisorClient;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation acknowledged by one server is there, unchanged, after that server stops and a new one starts on the same H2 file. */
class RestartPersistenceTest {

    @Test
    void conversationSurvivesARestart() {
        Map<String, Object> config = Map.of("datasources.default.url",
                "jdbc:h2:file:./target/test-data/restart-" + UUID.randomUUID(), "micronaut.server.port", -1);
        String id;
        ConversationView before;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            AdvisorClient api = new AdvisorClient(http);
            id = api.start().id();
            api.answer(id, "workload", "training");
            before = api.answer(id, "model_size_b", 7);
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            ConversationView after = new AdvisorClient(http).conversation(id);
            assertThat(after).isEqualTo(before);
            assertThat(after.answers()).hasSize(2);
        }
    }
}
