package org.infraadvisor.conversation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** GET /api/flows/{id}: every question of a flow in the shape of a conversation's next question. */
@MicronautTest
class FlowDetailControllerTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    @SuppressWarnings("unchecked")
    void flowListsItsQuestionsWithOptionsAndRanges() {
        Map<String, Object> flow = http.toBlocking().retrieve(HttpRequest.GET("/api/flows/infra-strategy"), Map.class);
        assertThat(flow).containsEntry("id", "infra-strategy").containsKey("title");
        List<Map<String, Object>> questions = (List<Map<String, Object>>) flow.get("questions");
        assertThat(questions).extracting(q -> q.get("id")).startsWith("workload", "model_size_b").contains("data_residency");
        assertThat(questions.get(0)).containsEntry("type", "choice").containsEntry("allowUnknown", true);
        assertThat((List<Map<String, Object>>) questions.get(0).get("options"))
                .anySatisfy(o -> assertThat(o).containsEntry("value", "inference").containsEntry("label", "Serve a model (inference)"));
        assertThat(questions.get(1)).containsEntry("type", "number").containsEntry("unit", "billion parameters")
                .containsEntry("max", 5000.0);

        // the same shape as the question a conversation asks next
        Map<String, Object> started = http.toBlocking().retrieve(HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy")), Map.class);
        assertThat(started.get("question")).isEqualTo(questions.get(0));
    }

    @Test
    void unknownFlowIsA404Problem() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET("/api/flows/nope"), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(String.valueOf(e.getResponse().getBody(Map.class).orElseThrow().get("detail")))
                .contains("no flow 'nope'", "infra-strategy");
    }
}
