package org.infraadvisor.http;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;
import org.infraadvisor.progress.Assessment;
import org.infraadvisor.progress.ProgressiveAdvisor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the search of the asking order in the background (the service's default): a turn that reaches answers not
 * seen before replies at once with the exact preview and a question that applies, and a later read of the
 * conversation carries the order searched for exactly these answers.
 */
@MicronautTest
@Property(name = "advisor.progress.background-share", value = "1")
@Property(name = "advisor.progress.speculate", value = "false") // guessing ahead is BackgroundSearchTest's; this waits for the queue
class ProgressiveBackgroundTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    RuleSetHolder rules;

    @Inject
    ProgressiveAdvisor service;

    @Test
    void aTurnWithNewAnswersRepliesWithoutTheSearchAndTheNextReadHasTheExactOrder() throws Exception {
        ConversationView view = http.toBlocking().retrieve(HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy")),
                ConversationView.class);
        view = answer(view.id(), "workload", "inference");
        view = answer(view.id(), "model_size_b", 123.456); // a number no conversation here has used: a new state

        Map<String, Object> answers = ProgressiveConversationTest.answers(view);
        assertThat(view.preview().ranked()).as("the reply did not wait for the search").isFalse();
        ProgressiveConversationTest.assertAgrees(view.preview(),
                http.toBlocking().retrieve(HttpRequest.POST("/api/evaluate", Map.of("flow", "infra-strategy", "answers", answers)),
                        EvaluateController.EvaluateResponse.class).recommendation(), "the provisional reply");
        RuleSet ruleSet = rules.current();
        Flow flow = ruleSet.flow("infra-strategy").orElseThrow();
        String asked = view.question().id();
        assertThat(new DialogueState(flow, answers).isAsked(asked)).as("%s applies", asked).isTrue();
        assertThat(answers).doesNotContainKey(asked);

        for (int i = 0; i < 12_000 && !service.backgroundIdle(); i++) {
            Thread.sleep(10);
        }
        ConversationView later = http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + view.id()), ConversationView.class);

        Assessment exact = new ProgressiveAdvisor(new AdvisorEngine(10_000), 10_000, 100).assess(ruleSet, flow, answers);
        assertThat(later.preview().ranked()).isTrue();
        assertThat(later.question().id()).isEqualTo(exact.next().orElseThrow().question().id());
        assertThat(later.preview().couldChange()).isEqualTo(exact.couldChange());
        assertThat(later.preview().strategy()).isEqualTo(view.preview().strategy());
        assertThat(view.preview().couldChange()).as("the provisional list is never short of the exact one")
                .containsAll(exact.couldChange());
    }

    ConversationView answer(String id, String question, Object value) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/conversations/" + id + "/answers",
                Map.of("question", question, "value", value)), ConversationView.class);
    }
}
