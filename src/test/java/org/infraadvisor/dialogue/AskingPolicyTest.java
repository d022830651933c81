package org.infraadvisor.dialogue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code asking:} block of a flow file: read when right, every mistake reported with its line. */
class AskingPolicyTest {

    static final String QUESTIONS = """
            questions:
              - id: kind
                text: Which kind?
                type: choice
                options:
                  - { value: a, label: A }
                  - { value: b, label: B }
              - id: size
                text: How big?
                type: number
                min: 1
                max: 1000
              - id: note
                text: Anything else?
                type: text
            """;

    @Test
    void readsPinsTieBreakAndSamples() {
        Flow flow = FlowParser.parse("""
                id: f
                title: F
                asking:
                  pinned: [kind]
                  tieBreak: [size, kind]
                  samples:
                    size: [1, 10, 1000]
                """ + QUESTIONS, "conversations/f.yaml", "f");

        assertThat(flow.asking().pinned()).containsExactly("kind");
        assertThat(flow.asking().tieBreak()).containsExactly("size", "kind");
        assertThat(flow.asking().samplesOf("size")).containsExactly(1.0, 10.0, 1000.0);
        assertThat(flow.asking().samplesOf("kind")).isEmpty();
    }

    @Test
    void aFlowWithoutTheBlockKeepsTheDefaults() {
        Flow flow = FlowParser.parse("id: f\ntitle: F\n" + QUESTIONS, "conversations/f.yaml", "f");

        assertThat(flow.asking()).isEqualTo(AskingPolicy.DEFAULT);
    }

    @Test
    void mistakesAreReportedWithFileAndLine() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> FlowParser.parse("""
                id: f
                title: F
                asking:
                  pinned: [kind, nosuch, kind]
                  tieBreak: size
                  order: [kind]
                  samples:
                    kind: [1]
                    size: [0, 5, many]
                """ + QUESTIONS, "conversations/f.yaml", "f"));

        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("conversations/f.yaml"));
        assertThat(e.problems()).extracting(DefinitionProblem::line, DefinitionProblem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(4, "'asking.pinned' lists 'nosuch', which is not a question of this flow"),
                org.assertj.core.groups.Tuple.tuple(4, "'asking.pinned' lists 'kind' twice"),
                org.assertj.core.groups.Tuple.tuple(5, "'asking.tieBreak' must be a list of question ids"),
                org.assertj.core.groups.Tuple.tuple(6, "unknown asking field 'order'; allowed: [pinned, samples, tieBreak]"),
                org.assertj.core.groups.Tuple.tuple(8, "'asking.samples' has values for 'kind', which is not a number question of this flow"),
                org.assertj.core.groups.Tuple.tuple(9, "'asking.samples.size' holds 0, outside the question's range 1 to 1000"),
                org.assertj.core.groups.Tuple.tuple(9, "'asking.samples.size' holds 'many', which is not a number"));
    }

    @Test
    void theShippedFlowPinsTheWorkloadAndSamplesItsNumberQuestions() {
        Flow flow = FlowParser.parse(java.nio.file.Path.of("conversations/infra-strategy.yaml"), "conversations/infra-strategy.yaml");

        assertThat(flow.asking().pinned()).containsExactly("workload");
        assertThat(List.of("model_size_b", "training_tokens_b", "daily_requests", "tokens_per_request", "horizon_years"))
                .allSatisfy(id -> assertThat(flow.asking().samplesOf(id)).as(id).hasSizeGreaterThanOrEqualTo(2));
    }
}
