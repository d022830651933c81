package org.infraadvisor.whatif;

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

@MicronautTest
@SuppressWarnings("unchecked")
class WhatIfControllerTest {

    @Inject
    @Client("/")
    HttpClient http;

    Map<String, Object> post(String path, Object body) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body), Map.class);
    }

    Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), Map.class);
    }

    /** A finished conversation that leans to the cloud. */
    String cloudConversation() {
        Map<String, Object> preferred = Map.ofEntries(Map.entry("workload", "inference"), Map.entry("model_size_b", 70),
                Map.entry("daily_requests", 100000), Map.entry("tokens_per_request", 1000), Map.entry("latency", "interactive"),
                Map.entry("utilization", "bursty"), Map.entry("data_residency", "none"), Map.entry("budget", "opex"),
                Map.entry("ops_skills", "none"), Map.entry("time_to_production", "under-3-months"), Map.entry("horizon_years", 3));
        Map<String, Object> c = post("/api/conversations", Map.of("flow", "infra-strategy"));
        String id = (String) c.get("id");
        int turns = 0;
        while (c.get("question") != null && turns++ < 100) {
            Map<String, Object> q = (Map<String, Object>) c.get("question");
            String qid = (String) q.get("id");
            Object value = preferred.getOrDefault(qid, "unknown");
            c = post("/api/conversations/" + id + "/answers", Map.of("question", qid, "value", value));
        }
        assertThat(c).containsEntry("status", "completed");
        return id;
    }

    HttpClientResponseException refused(String id, Object body) {
        return assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/conversations/" + id + "/what-if", body), Map.class));
    }

    @Test
    void whatIfShowsTheRecommendationAndTheDiffWithoutChangingTheConversation() {
        String id = cloudConversation();
        Map<String, Object> before = get("/api/conversations/" + id);
        Map<String, Object> current = (Map<String, Object>) before.get("recommendation");
        assertThat(current).containsEntry("strategy", "cloud-first");

        Map<String, Object> result = post("/api/conversations/" + id + "/what-if",
                Map.of("answers", Map.of("data_residency", "on-premises", "utilization", "steady")));
        assertThat(result).containsEntry("conversation", id).containsEntry("rulesVersion", current.get("rulesVersion"));
        assertThat((Map<String, Object>) result.get("recommendation")).containsEntry("strategy", "on-prem");
        Map<String, Object> diff = (Map<String, Object>) result.get("diff");
        assertThat(diff).containsEntry("changed", true);
        assertThat((Map<String, Object>) diff.get("strategy")).containsEntry("from", "cloud-first").containsEntry("to", "on-prem");
        assertThat((List<String>) diff.get("summary")).contains("strategy: cloud-first → on-prem");
        assertThat(diff).containsKeys("accelerators", "risks", "costs", "confidence");
        // the two changed answers, and any answer the change makes the dialogue no longer ask
        assertThat((List<Map<String, Object>>) result.get("answers")).extracting(a -> a.get("question"))
                .contains("utilization", "data_residency");
        assertThat((List<Map<String, Object>>) result.get("answers"))
                .filteredOn(a -> !List.of("utilization", "data_residency").contains(a.get("question")))
                .allSatisfy(a -> assertThat(a).containsEntry("to", null));
        assertThat((List<Map<String, Object>>) result.get("answers")).anySatisfy(a -> assertThat(a)
                .containsEntry("question", "utilization").containsEntry("from", "bursty").containsEntry("to", "steady"));

        Map<String, Object> after = get("/api/conversations/" + id);
        assertThat(after.get("answers")).isEqualTo(before.get("answers"));
        assertThat(after.get("recommendation")).isEqualTo(before.get("recommendation"));
        assertThat(after.get("updatedAt")).isEqualTo(before.get("updatedAt"));
    }

    @Test
    void sameAnswersGiveNoDifference() {
        String id = cloudConversation();
        Map<String, Object> result = post("/api/conversations/" + id + "/what-if", Map.of("answers", Map.of("utilization", "bursty")));
        assertThat((Map<String, Object>) result.get("diff")).containsEntry("changed", false).containsEntry("strategy", null);
        assertThat((List<?>) result.get("answers")).isEmpty();
    }

    @Test
    void changingAnEarlierAnswerDropsQuestionsNoLongerAsked() {
        String id = cloudConversation();
        Map<String, Object> result = post("/api/conversations/" + id + "/what-if", Map.of("answers", Map.of("workload", "training")));
        assertThat((List<Map<String, Object>>) result.get("answers")).anySatisfy(a ->
                assertThat(a).containsEntry("question", "latency").containsEntry("from", "interactive").containsEntry("to", null));
    }

    @Test
    void badWhatIfsAreRefusedWithAProblemThatSaysWhy() {
        String id = cloudConversation();
        HttpClientResponseException e = refused(id, Map.of("answers", Map.of("no_such_question", "x")));
        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("detail").toString()).contains("no_such_question");

        e = refused(id, Map.of("answers", Map.of("utilization", "sometimes")));
        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("detail").toString()).contains("sometimes").contains("utilization");

        e = refused(id, Map.of("answers", Map.of()));
        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("detail").toString()).contains("answers");

        e = refused(id, Map.of("answers", Map.of("workload", "training", "latency", "batch")));
        assertThat(e.getStatus().getCode()).isEqualTo(422);
        assertThat(e.getResponse().getBody(Map.class).orElseThrow().get("detail").toString()).contains("latency").contains("not asked");

        assertThat(refused("no-such-conversation", Map.of("answers", Map.of("utilization", "steady"))).getStatus().getCode()).isEqualTo(404);
    }
}
