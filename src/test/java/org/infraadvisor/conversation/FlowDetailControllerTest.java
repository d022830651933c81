package org.infraadvisor.conversation;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.dialogue.Option;
import org.infraadvisor.document.ConversationView.QuestionView;
import org.infraadvisor.http.FlowsController.FlowDetail;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.testsupport.Problems.assertProblem;

/** GET /api/flows/{id}: every question of a flow in the shape of a conversation's next question. */
@MicronautTest
class FlowDetailControllerTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void flowListsItsQuestionsWithOptionsAndRanges() {
        AdvisorClient api = new AdvisorClient(http);
        FlowDetail flow = api.flow("infra-strategy");
        assertThat(flow.id()).isEqualTo("infra-strategy");
        assertThat(flow.title()).isNotNull();
        List<QuestionView> questions = flow.questions();
        assertThat(questions).extracting(QuestionView::id).startsWith("workload", "model_size_b").contains("data_residency");
        assertThat(questions.get(0).type()).isEqualTo("choice");
        assertThat(questions.get(0).allowUnknown()).isTrue();
        assertThat(questions.get(0).options()).contains(new Option("inference", "Serve a model (inference)"));
        assertThat(questions.get(1).type()).isEqualTo("number");
        assertThat(questions.get(1).unit()).isEqualTo("billion parameters");
        assertThat(questions.get(1).max()).isEqualTo(5000.0);

        // the same shape as the question a conversation asks next
        assertThat(api.start().question()).isEqualTo(questions.get(0));
    }

    @Test
    void unknownFlowIsA404Problem() {
        Problem problem = assertProblem(HttpStatus.NOT_FOUND, "no flow 'nope'", () -> new AdvisorClient(http).flow("nope"));
        assertThat(problem.detail()).contains("infra-strategy");
    }
}
