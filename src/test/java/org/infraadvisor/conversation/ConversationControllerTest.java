package org.infraadvisor.conversation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
class ConversationControllerTest {

    @Inject
    @Client("/")
    HttpClient http;

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String path, Object body) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body), Map.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), Map.class);
    }

    Map<String, Object> start() {
        return post("/api/conversations", Map.of("flow", "infra-strategy"));
    }

    Map<String, Object> answer(String id, String question, Object value) {
        return post("/api/conversations/" + id + "/answers", Map.of("question", question, "value", value));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> question(Map<String, Object> conversation) {
        return (Map<String, Object>) conversation.get("question");
    }

    /** Answers every question the flow asks with a plausible value until the recommendation arrives. */
    @SuppressWarnings("unchecked")
    Map<String, Object> completeWith(String id, Map<String, Object> preferred, Map<String, Object> conversation) {
        int turns = 0;
        while (question(conversation) != null) {
            Map<String, Object> q = question(conversation);
            String qid = (String) q.get("id");
            Object value = preferred.containsKey(qid) ? preferred.get(qid) : switch ((String) q.get("type")) {
                case "number" -> ((Number) q.get("max")).doubleValue() >= 10 ? 10 : q.get("max");
                case "multi" -> List.of(((List<Map<String, Object>>) q.get("options")).get(0).get("value"));
                case "boolean" -> true;
                case "text" -> "some text";
                default -> ((List<Map<String, Object>>) q.get("options")).get(0).get("value");
            };
            conversation = answer(id, qid, value);
            assertThat(++turns).as("the flow must end").isLessThan(100);
        }
        return conversation;
    }

    @Test
    @SuppressWarnings("unchecked")
    void wholeConversationEndsInAnExplainedRecommendation() {
        HttpRequest<?> request = HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy"));
        var created = http.toBlocking().exchange(request, Map.class);
        assertThat(created.getStatus().getCode()).isEqualTo(201);
        Map<String, Object> c = created.body();
        String id = (String) c.get("id");
        assertThat((CharSequence) id).hasSizeGreaterThanOrEqualTo(22);
        assertThat(c).containsEntry("flow", "infra-strategy").containsEntry("status", "active").containsEntry("recommendation", null);
        assertThat(question(c)).containsEntry("id", "workload").containsEntry("type", "choice");

        Map<String, Object> done = completeWith(id, Map.of("workload", "inference", "data_residency", "on-premises",
                "model_size_b", 70), c);

        assertThat(done).containsEntry("status", "completed").containsEntry("question", null);
        Map<String, Object> rec = (Map<String, Object>) done.get("recommendation");
        assertThat(rec.get("strategy")).isEqualTo("on-prem");
        assertThat(((Number) rec.get("confidence")).doubleValue()).isBetween(0.0, 1.0);
        assertThat((List<Map<String, Object>>) rec.get("accelerators")).isNotEmpty()
                .allSatisfy(a -> assertThat(a).containsKeys("vendor", "model", "count", "reason"));
        assertThat(rec).doesNotContainKey("explanation"); // the firing trace only comes when asked for
        Map<String, Object> strategyReasons = (Map<String, Object>) rec.get("strategyReasons");
        assertThat((List<String>) strategyReasons.get("rules")).contains("votes.residency-on-premises");
        assertThat((List<String>) strategyReasons.get("answers")).contains("data_residency");
        Map<String, Map<String, Object>> rules = (Map<String, Map<String, Object>>) rec.get("rules");
        assertThat(rules.get("votes.residency-on-premises"))
                .containsEntry("name", "Data that must stay on premises requires on-prem")
                .containsEntry("file", "rules/strategy/residency.drl")
                .satisfies(r -> assertThat((String) r.get("description")).isNotBlank());
        assertThat(((Map<String, Map<String, Object>>) rec.get("answers")).get("data_residency"))
                .containsEntry("text", "Where must your data stay?").containsEntry("value", "on-premises")
                .containsEntry("label", "Inside our own facilities only");
        assertThat((String) rec.get("rulesVersion")).isNotBlank();
        assertThat(get("/api/conversations/" + id)).isEqualTo(done);
    }

    @Test
    @SuppressWarnings("unchecked")
    void changingAnEarlierAnswerDropsWhatNoLongerAppliesAndReevaluates() {
        Map<String, Object> c = start();
        String id = (String) c.get("id");
        Map<String, Object> done = completeWith(id, Map.of("workload", "inference", "data_residency", "on-premises"), c);
        List<Map<String, Object>> answers = (List<Map<String, Object>>) done.get("answers");
        assertThat(answers).extracting(a -> a.get("question")).contains("daily_requests", "latency");

        Map<String, Object> changed = answer(id, "workload", "training");
        List<Map<String, Object>> after = (List<Map<String, Object>>) changed.get("answers");
        assertThat(after).extracting(a -> a.get("question")).doesNotContain("daily_requests", "tokens_per_request", "latency");
        assertThat(after).filteredOn(a -> a.get("question").equals("workload")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("value", "training"));
        // training asks what only training needs (data volume); once answered, the advice is re-evaluated
        assertThat(question(changed)).containsEntry("id", "training_tokens_b");
        assertThat(changed).containsEntry("status", "active").containsEntry("recommendation", null);
        changed = completeWith(id, Map.of(), changed);
        assertThat((List<Map<String, Object>>) changed.get("answers")).extracting(a -> a.get("question"))
                .doesNotContain("daily_requests", "tokens_per_request", "latency");
        assertThat(changed).containsEntry("status", "completed");
        assertThat(changed.get("recommendation")).isNotNull();

        // data that may leave the premises makes the cloud question relevant; answer it and the advice is re-evaluated
        Map<String, Object> changedResidency = answer(id, "data_residency", "none");
        assertThat(question(changedResidency)).containsEntry("id", "cloud_provider");
        changedResidency = completeWith(id, Map.of(), changedResidency);
        Map<String, Object> rec = (Map<String, Object>) changedResidency.get("recommendation");
        assertThat(((Map<String, Object>) rec.get("rules")).keySet())
                .doesNotContain("votes.residency-on-premises");
        assertThat(((Map<String, Map<String, Object>>) rec.get("answers")).get("data_residency")).containsEntry("value", "none");
    }

    @Test
    void invalidAnswersAreRefusedWithAReasonAndChangeNothing() {
        Map<String, Object> c = start();
        String id = (String) c.get("id");
        answer(id, "workload", "inference");
        Map<String, Object> before = get("/api/conversations/" + id);

        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "no question 'colour'", () -> answer(id, "colour", "red"));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "not an option", () -> answer(id, "latency", "instant"));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "out of range", () -> answer(id, "model_size_b", 99999));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "expects a number", () -> answer(id, "model_size_b", List.of(1)));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "expects one of", () -> answer(id, "workload", 3));
        assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> answer("nope", "workload", "inference"));
        assertProblem(HttpStatus.NOT_FOUND, "no flow", () -> post("/api/conversations", Map.of("flow", "nope")));
        assertProblem(HttpStatus.BAD_REQUEST, null, () -> http.toBlocking().retrieve(
                HttpRequest.POST("/api/conversations/" + id + "/answers", "{\"question\": \"workload\", ").contentType(MediaType.APPLICATION_JSON)));
        assertProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, null, () -> answer(id, "workload", "x".repeat(200_000)));

        assertThat(get("/api/conversations/" + id)).isEqualTo(before);
    }

    @Test
    void unknownIsAcceptedForEveryQuestion() {
        Map<String, Object> c = start();
        String id = (String) c.get("id");
        Map<String, Object> last = c;
        int turns = 0;
        while (question(last) != null && turns++ < 50) {
            last = answer(id, (String) question(last).get("id"), "unknown");
        }
        assertThat(last).containsEntry("status", "completed");
        assertThat(last.get("recommendation")).isNotNull();
    }

    @Test
    void idsThatCannotExistAreNotFoundAndNeverReachTheDatabase() {
        // NUL once reached PostgreSQL, which refuses it in text, and came back as a 500.
        for (String id : List.of("a%00b", "%00", "x".repeat(65), "%F0%9F%A4%96", "a.b")) {
            assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> get("/api/conversations/" + id));
            assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> answer(id, "workload", "inference"));
        }
    }

    @SuppressWarnings("unchecked")
    static void assertProblem(HttpStatus status, String detailContains, Runnable call) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, call::run);
        assertThat(e.getStatus().getCode()).isEqualTo(status.getCode());
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        Map<String, Object> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(problem).containsEntry("status", status.getCode());
        assertThat((String) problem.get("detail")).isNotBlank();
        if (detailContains != null) {
            assertThat((CharSequence) problem.get("detail")).contains(detailContains);
        }
    }
}
