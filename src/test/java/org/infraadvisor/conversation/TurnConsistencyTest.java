package org.infraadvisor.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.Answering;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn answers with a view built in memory (the turn path does not read the conversation back); it must be
 * exactly what a later read of the stored conversation returns, through completion and reopening.
 */
@MicronautTest
class TurnConsistencyTest {

    @Inject
    AdvisorClient api;

    ConversationView answerAndCompare(String id, String question, Object value) {
        ConversationView turn = api.answer(id, question, value);
        assertThat(api.conversation(id)).as("stored view after answering %s", question).isEqualTo(turn);
        return turn;
    }

    /** The test answers every question asked, from {@code answers}: a question it did not expect fails. */
    ConversationView answerEachAndCompare(ConversationView view, Map<String, Object> answers) {
        return Answering.answerAll(view, answers, q -> {
            throw new AssertionError("the test answers every question asked, but not " + q.id());
        }, this::answerAndCompare);
    }

    @Test
    void everyTurnReturnsWhatIsStored() {
        String id = api.start().id();
        Map<String, Object> answers = new java.util.LinkedHashMap<>(Map.of("workload", "training", "model_size_b", 70,
                "utilization", "steady", "data_residency", "regional", "budget", "capex", "ops_skills", "advanced",
                "datacenter", "standard", "time_to_production", "3-to-12-months", "cloud_provider", "aws"));
        answers.putAll(Map.of("training_tokens_b", 100, "software_stack", "portable", "horizon_years", 3, "network", "fast", "data_pipeline", "manual",
                "model_architecture", "dense"));
        ConversationView view = answerEachAndCompare(api.conversation(id), answers);
        assertThat(view.status()).isEqualTo("completed");
        assertThat(view.recommendation()).isNotNull();

        // re-answering a completed conversation keeps it completed and re-evaluates
        view = answerAndCompare(id, "budget", "opex");
        assertThat(view.status()).isEqualTo("completed");

        // a change that opens new questions reopens it, and the stored recommendation goes
        view = answerAndCompare(id, "workload", "inference");
        assertThat(view.status()).isEqualTo("active");
        assertThat(view.recommendation()).isNull();
        // training_tokens_b and network are asked only for training, so those two answers are dropped
        assertThat(view.answers()).hasSize(answers.size() - 2);

        Map<String, Object> serving = Map.of("daily_requests", 0, "latency", "batch", "serving_precision", "unknown",
                "tokens_per_request", "unknown", "sites", 1);
        assertThat(view.question().id()).as("the next question is one that serving opened").isIn(serving.keySet());
        view = answerEachAndCompare(view, serving);
        assertThat(view.status()).isEqualTo("completed");
        assertThat(view.recommendation()).isNotNull();
    }
}
