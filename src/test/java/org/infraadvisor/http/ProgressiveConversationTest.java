package org.infraadvisor.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.http.EvaluateController.EvaluateResponse;
import org.infraadvisor.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Progressive advice over HTTP (issue 13): a preview after every answer that agrees with {@code POST /api/evaluate},
 * the most decisive question next, refinements last, and {@code POST /api/conversations/{id}/finish}.
 */
@MicronautTest
class ProgressiveConversationTest {

    /** The global bank of rules/scenarios/08: strategy hybrid, reached only after several answers. */
    static final Map<String, Object> BANK = Map.ofEntries(
            Map.entry("workload", "mixed"), Map.entry("model_size_b", 70), Map.entry("training_tokens_b", 5),
            Map.entry("daily_requests", 1000000), Map.entry("tokens_per_request", 1000), Map.entry("serving_precision", "fp8"),
            Map.entry("latency", "interactive"), Map.entry("utilization", "steady"), Map.entry("data_residency", "regional"),
            Map.entry("budget", "either"), Map.entry("ops_skills", "advanced"), Map.entry("datacenter", "standard"),
            Map.entry("time_to_production", "3-to-12-months"), Map.entry("cloud_provider", "multiple"),
            Map.entry("software_stack", "portable"), Map.entry("horizon_years", 4), Map.entry("network", "fast"),
            Map.entry("data_pipeline", "automated-batch"));

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    ConversationView start() {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy")),
                ConversationView.class);
    }

    ConversationView answer(String id, String question, Object value) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/conversations/" + id + "/answers",
                Map.of("question", question, "value", value)), ConversationView.class);
    }

    ConversationView finish(String id) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/conversations/" + id + "/finish", ""), ConversationView.class);
    }

    ConversationView read(String id) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id), ConversationView.class);
    }

    RecommendationDocument evaluate(Map<String, Object> answers) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/evaluate", Map.of("flow", "infra-strategy", "answers", answers)),
                EvaluateResponse.class).recommendation();
    }

    static Map<String, Object> answers(ConversationView view) {
        Map<String, Object> answers = new LinkedHashMap<>();
        view.answers().forEach(a -> answers.put(a.question(), a.value()));
        return answers;
    }

    static void assertAgrees(ConversationView.Preview preview, RecommendationDocument full, String where) {
        assertThat(preview.strategy()).as(where).isEqualTo(full.strategy());
        assertThat(preview.confidence()).as(where).isEqualTo(full.confidence());
        if (full.accelerators().isEmpty()) {
            assertThat(preview.accelerator()).as(where).isNull();
        } else {
            RecommendationDocument.AcceleratorAdvice top = full.accelerators().get(0);
            assertThat(preview.accelerator()).as(where)
                    .isEqualTo(new ConversationView.Accelerator(top.vendor(), top.model(), top.count()));
        }
    }

    @Test
    void everyAnswerBringsAPreviewThatAgreesWithEvaluateAndTheMostDecisiveQuestionComesNext() {
        ConversationView view = start();
        assertThat(view.preview()).as("no preview before the first answer").isNull();
        assertThat(view.question().id()).as("pinned first").isEqualTo("workload");
        assertThat(view.leftOpen()).isEmpty();

        List<String> asked = new ArrayList<>();
        boolean refinementsStarted = false;
        while (view.question() != null) {
            ConversationView.QuestionView q = view.question();
            asked.add(q.id());
            view = answer(view.id(), q.id(), BANK.getOrDefault(q.id(), "unknown"));
            assertThat(asked).as("the flow must end").hasSizeLessThan(40);
            if (view.question() == null) {
                break;
            }
            String where = "after " + asked;
            ConversationView.Preview preview = view.preview();
            assertThat(preview).as(where).isNotNull();
            assertAgrees(preview, evaluate(answers(view)), where);
            assertThat(preview.couldChange()).as(where).doesNotContainAnyElementsOf(answers(view).keySet());
            if (view.question().refinement()) {
                assertThat(preview.couldChange()).as("a refinement comes only when nothing could change the advice, " + where).isEmpty();
                refinementsStarted = true;
            } else {
                assertThat(refinementsStarted).as("no question that could change the advice after a refinement, " + where).isFalse();
                assertThat(preview.couldChange()).as(where).first().isEqualTo(view.question().id());
            }
            assertThat(read(view.id())).as("the view the reply carries is the stored one, " + where).isEqualTo(view);
        }
        assertThat(view.status()).isEqualTo("completed");
        assertThat(view.preview()).as("the recommendation replaces the preview").isNull();
        assertThat(view.leftOpen()).as("every question answered").isEmpty();
        assertThat(view.recommendation()).isEqualTo(evaluate(answers(view)));
        assertThat(view.recommendation().strategy()).isEqualTo("hybrid");
        assertThat(asked).as("a different order from the file's: workload, then the most decisive")
                .startsWith("workload").doesNotContainSequence("workload", "model_size_b", "training_tokens_b");
    }

    @Test
    void finishingEarlyGivesTheAdviceForTheAnswersSoFarAndNamesWhatIsLeftOpen() {
        ConversationView view = start();
        for (int i = 0; i < 3; i++) {
            view = answer(view.id(), view.question().id(), BANK.getOrDefault(view.question().id(), "unknown"));
        }
        ConversationView.Preview before = view.preview();

        ConversationView finished = finish(view.id());

        assertThat(finished.status()).isEqualTo("completed");
        assertThat(finished.question()).isNull();
        assertThat(finished.preview()).isNull();
        assertThat(finished.answers()).isEqualTo(view.answers());
        assertThat(finished.recommendation()).as("the unanswered questions count as unknown").isEqualTo(evaluate(answers(view)));
        assertAgrees(before, finished.recommendation(), "the preview before finishing");
        assertThat(finished.leftOpen()).extracting(ConversationView.LeftOpen::id)
                .as("the open questions, most decisive first").startsWith(before.couldChange().toArray(String[]::new))
                .doesNotContainAnyElementsOf(answers(view).keySet());
        ConversationView.LeftOpen first = finished.leftOpen().get(0);
        assertThat(first.refinement()).isFalse();
        assertThat(first.text()).isNotBlank().doesNotContain("_");
        assertThat(first.strategies().size() + first.accelerators().size()).as("it says what answering could change").isPositive();
        assertThat(finished.leftOpen()).filteredOn(ConversationView.LeftOpen::refinement)
                .allSatisfy(q -> assertThat(q.strategies()).isEmpty());

        assertThat(finish(view.id())).as("finishing twice returns the same view").isEqualTo(finished);
        assertThat(read(view.id())).isEqualTo(finished);

        String open = first.id();
        ConversationView reopened = answer(view.id(), open, BANK.getOrDefault(open, "unknown"));
        assertThat(reopened.status()).as("answering reopens the conversation").isEqualTo("active");
        assertThat(reopened.recommendation()).isNull();
        assertThat(reopened.leftOpen()).isEmpty();
        assertThat(reopened.question()).isNotNull();
        assertAgrees(reopened.preview(), evaluate(answers(reopened)), "after reopening");
        assertThat(answers(reopened)).containsKey(open).containsAllEntriesOf(answers(view));
    }

    @Test
    void aConversationFinishedBeforeAnyAnswerGetsTheAdviceForNothingKnown() {
        ConversationView finished = finish(start().id());
        assertThat(finished.status()).isEqualTo("completed");
        assertThat(finished.recommendation()).isEqualTo(evaluate(Map.of()));
        assertThat(finished.leftOpen()).extracting(ConversationView.LeftOpen::id).first().isEqualTo("workload");
    }

    @Test
    void finishIgnoresABodyOfAnyKind() {
        Api api = new Api(server.getURI());
        String id = start().id();
        byte[] junk = "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String type : new String[]{"application/json", "text/plain", null}) {
            Api.Response r = api.send("POST", "/api/conversations/" + id + "/finish", type, junk);
            assertThat(r.status()).as("%s: %s", type, r).isEqualTo(200);
            assertThat(r.as(ConversationView.class).status()).isEqualTo("completed");
        }
    }

    @Test
    void turnedOffTheConversationAsksInFileOrderWithoutPreview() {
        try (EmbeddedServer off = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "advisor.progress.enabled", false), "test");
             HttpClient client = HttpClient.create(off.getURL())) {
            var start = HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy"));
            ConversationView view = client.toBlocking().retrieve(start, ConversationView.class);
            view = client.toBlocking().retrieve(HttpRequest.POST("/api/conversations/" + view.id() + "/answers",
                    Map.of("question", "workload", "value", "mixed")), ConversationView.class);
            assertThat(view.preview()).isNull();
            assertThat(view.question().id()).as("the flow file's second question").isEqualTo("model_size_b");
            assertThat(view.question().refinement()).isFalse();
            ConversationView finished = client.toBlocking().retrieve(
                    HttpRequest.POST("/api/conversations/" + view.id() + "/finish", ""), ConversationView.class);
            assertThat(finished.status()).isEqualTo("completed");
            assertThat(finished.recommendation()).isNotNull();
        }
    }

    @Test
    void finishingAnUnknownConversationIsNotFound() {
        var e = assertThrows(HttpClientResponseException.class, () -> finish("no-such-conversation"));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).contains("problem+json"));
    }
}
