package org.infraadvisor.conversation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn answers with a view built in memory (the turn path does not read the conversation back); it must be
 * exactly what a later read of the stored conversation returns, through completion and reopening.
 */
@MicronautTest
class TurnConsistencyTest {

    @Inject
    @Client("/")
    HttpClient http;

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String path, Object body) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body), Map.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String id) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id), Map.class);
    }

    Map<String, Object> answerAndCompare(String id, String question, Object value) {
        Map<String, Object> turn = post("/api/conversations/" + id + "/answers", Map.of("question", question, "value", value));
        assertThat(get(id)).as("stored view after answering %s", question).isEqualTo(turn);
        return turn;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTurnReturnsWhatIsStored() {
        String id = (String) post("/api/conversations", Map.of("flow", "infra-strategy")).get("id");
        Map<String, Object> answers = new java.util.LinkedHashMap<>(Map.of("workload", "training", "model_size_b", 70,
                "utilization", "steady", "data_residency", "regional", "budget", "capex", "ops_skills", "advanced",
                "datacenter", "standard", "time_to_production", "3-to-12-months", "cloud_provider", "aws"));
        answers.putAll(Map.of("training_tokens_b", 100, "software_stack", "portable", "horizon_years", 3, "network", "fast", "data_pipeline", "manual",
                "model_architecture", "dense"));
        Map<String, Object> view = get(id);
        while (view.get("question") != null) {
            String q = (String) ((Map<String, Object>) view.get("question")).get("id");
            assertThat(answers).as("the test answers every question asked").containsKey(q);
            view = answerAndCompare(id, q, answers.get(q));
        }
        assertThat(view).containsEntry("status", "completed");
        assertThat(view.get("recommendation")).isNotNull();

        // re-answering a completed conversation keeps it completed and re-evaluates
        view = answerAndCompare(id, "budget", "opex");
        assertThat(view).containsEntry("status", "completed");

        // a change that opens new questions reopens it, and the stored recommendation goes
        view = answerAndCompare(id, "workload", "inference");
        assertThat(view).containsEntry("status", "active").containsEntry("recommendation", null);
        assertThat((Map<String, Object>) view.get("question")).containsEntry("id", "daily_requests");
        // training_tokens_b and network are asked only for training, so those two answers are dropped
        assertThat((List<?>) view.get("answers")).hasSize(answers.size() - 2);

        Map<String, Object> serving = Map.of("daily_requests", 0, "latency", "batch", "serving_precision", "unknown",
                "tokens_per_request", "unknown", "sites", 1);
        while (view.get("question") != null) {
            String q = (String) ((Map<String, Object>) view.get("question")).get("id");
            assertThat(serving).as("the test answers every question asked").containsKey(q);
            view = answerAndCompare(id, q, serving.get(q));
        }
        assertThat(view).containsEntry("status", "completed");
        assertThat(view.get("recommendation")).isNotNull();
    }
}
