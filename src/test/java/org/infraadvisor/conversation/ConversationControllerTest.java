package org.infraadvisor.conversation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.ConversationView.AnswerView;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.Answering;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.testsupport.Problems.assertProblem;

@MicronautTest
class ConversationControllerTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AdvisorClient api;

    @Test
    void wholeConversationEndsInAnExplainedRecommendation() {
        HttpRequest<?> request = HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy"));
        var created = http.toBlocking().exchange(request, ConversationView.class);
        assertThat(created.getStatus().getCode()).isEqualTo(201);
        ConversationView c = created.body();
        String id = c.id();
        assertThat(id).hasSizeGreaterThanOrEqualTo(22);
        assertThat(c.flow()).isEqualTo("infra-strategy");
        assertThat(c.status()).isEqualTo("active");
        assertThat(c.recommendation()).isNull();
        assertThat(c.question().id()).isEqualTo("workload");
        assertThat(c.question().type()).isEqualTo("choice");

        ConversationView done = api.complete(c, Map.of("workload", "inference", "data_residency", "on-premises",
                "model_size_b", 70));

        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.question()).isNull();
        RecommendationDocument rec = done.recommendation();
        assertThat(rec.strategy()).isEqualTo("on-prem");
        assertThat(rec.confidence()).isBetween(0.0, 1.0);
        assertThat(rec.accelerators()).isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.vendor()).isNotBlank();
                    assertThat(a.model()).isNotBlank();
                });
        assertThat(rec.explanation()).isNull(); // the firing trace only comes when asked for
        assertThat(rec.strategyReasons().rules()).contains("votes.residency-on-premises");
        assertThat(rec.strategyReasons().answers()).contains("data_residency");
        RecommendationDocument.RuleText rule = rec.rules().get("votes.residency-on-premises");
        assertThat(rule.name()).isEqualTo("Data that must stay on premises requires on-prem");
        assertThat(rule.file()).isEqualTo("rules/strategy/residency.drl");
        assertThat(rule.description()).isNotBlank();
        RecommendationDocument.AnswerText residency = rec.answers().get("data_residency");
        assertThat(residency.text()).isEqualTo("Where must your data stay?");
        assertThat(residency.value()).isEqualTo("on-premises");
        assertThat(residency.label()).isEqualTo("Inside our own facilities only");
        assertThat(rec.rulesVersion()).isNotBlank();
        assertThat(api.conversation(id)).isEqualTo(done);
    }

    @Test
    void changingAnEarlierAnswerDropsWhatNoLongerAppliesAndReevaluates() {
        ConversationView c = api.start();
        String id = c.id();
        ConversationView done = api.complete(c, Map.of("workload", "inference", "data_residency", "on-premises"));
        assertThat(done.answers()).extracting(AnswerView::question).contains("daily_requests", "latency");

        ConversationView changed = api.answer(id, "workload", "training");
        assertThat(changed.answers()).extracting(AnswerView::question).doesNotContain("daily_requests", "tokens_per_request", "latency");
        assertThat(changed.answers()).filteredOn(a -> a.question().equals("workload")).singleElement()
                .satisfies(a -> assertThat(a.value()).isEqualTo("training"));
        // training asks what only training needs (data volume); once answered, the advice is re-evaluated
        assertThat(changed.question().id()).isEqualTo("training_tokens_b");
        assertThat(changed.status()).isEqualTo("active");
        assertThat(changed.recommendation()).isNull();
        changed = api.complete(changed, Map.of());
        assertThat(changed.answers()).extracting(AnswerView::question)
                .doesNotContain("daily_requests", "tokens_per_request", "latency");
        assertThat(changed.status()).isEqualTo("completed");
        assertThat(changed.recommendation()).isNotNull();

        // data that may leave the premises makes the cloud question relevant; answer it and the advice is re-evaluated
        ConversationView changedResidency = api.answer(id, "data_residency", "none");
        assertThat(changedResidency.question().id()).isEqualTo("cloud_provider");
        changedResidency = api.complete(changedResidency, Map.of());
        RecommendationDocument rec = changedResidency.recommendation();
        assertThat(rec.rules().keySet()).doesNotContain("votes.residency-on-premises");
        assertThat(rec.answers().get("data_residency").value()).isEqualTo("none");
    }

    @Test
    void changingAnAnswerOfACompletedConversationReplacesItsStoredAdvice() {
        ConversationView done = api.complete(Map.of("workload", "inference", "latency", "interactive"));
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.recommendation().answers().get("latency").value()).isEqualTo("interactive");

        // latency enables no other question: the conversation stays completed and its stored advice is replaced
        ConversationView changed = api.answer(done.id(), "latency", "batch");
        assertThat(changed.status()).isEqualTo("completed");
        assertThat(changed.recommendation().answers().get("latency").value()).isEqualTo("batch");
        ConversationView read = api.conversation(done.id());
        assertThat(read.recommendation().answers().get("latency").value()).isEqualTo("batch");
    }

    @Test
    void invalidAnswersAreRefusedWithAReasonAndChangeNothing() {
        ConversationView c = api.start();
        String id = c.id();
        api.answer(id, "workload", "inference");
        ConversationView before = api.conversation(id);

        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "no question 'colour'", () -> api.answer(id, "colour", "red"));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "not an option", () -> api.answer(id, "latency", "instant"));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "out of range", () -> api.answer(id, "model_size_b", 99999));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "expects a number", () -> api.answer(id, "model_size_b", List.of(1)));
        assertProblem(HttpStatus.UNPROCESSABLE_ENTITY, "expects one of", () -> api.answer(id, "workload", 3));
        assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> api.answer("nope", "workload", "inference"));
        assertProblem(HttpStatus.NOT_FOUND, "no flow", () -> api.start("nope"));
        assertProblem(HttpStatus.BAD_REQUEST, null, () -> http.toBlocking().retrieve(
                HttpRequest.POST("/api/conversations/" + id + "/answers", "{\"question\": \"workload\", ").contentType(MediaType.APPLICATION_JSON)));
        assertProblem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, null, () -> api.answer(id, "workload", "x".repeat(200_000)));

        assertThat(api.conversation(id)).isEqualTo(before);
    }

    @Test
    void unknownIsAcceptedForEveryQuestion() {
        ConversationView last = Answering.answerAll(api.start(), Map.of(), Answering::unknown, api::answer);
        assertThat(last.status()).isEqualTo("completed");
        assertThat(last.recommendation()).isNotNull();
    }

    @Test
    void idsThatCannotExistAreNotFoundAndNeverReachTheDatabase() {
        // NUL once reached PostgreSQL, which refuses it in text, and came back as a 500.
        for (String id : List.of("a%00b", "%00", "x".repeat(65), "%F0%9F%A4%96", "a.b")) {
            assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> api.get("/api/conversations/" + id, ConversationView.class));
            assertProblem(HttpStatus.NOT_FOUND, "no conversation", () -> api.answer(id, "workload", "inference"));
        }
    }
}
