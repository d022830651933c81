package org.infraadvisor.dialogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code whole: true} in a flow file: a number question that takes whole numbers, and the mistakes around it. */
class WholeNumberQuestionTest {

    private static final String SITES = """
              - id: sites
                text: How many sites?
                type: number
                whole: true
                min: 1
                max: 1000
            """;

    @Test
    void aNumberQuestionCanTakeWholeNumbersOnly() {
        Flow flow = FlowParser.parse("""
                id: f
                title: F
                questions:
                """ + SITES + """
                  - id: share
                    text: What share?
                    type: number
                    min: 0
                    max: 1
                """, "conversations/f.yaml", "f");

        assertThat(flow.question("sites").orElseThrow().whole()).isTrue();
        assertThat(flow.question("share").orElseThrow().whole()).as("not stated: fractions are taken").isFalse();
    }

    @Test
    void mistakesAreReportedWithFileAndLine() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> FlowParser.parse("""
                id: f
                title: F
                asking:
                  samples:
                    sites: [1, 2.5]
                questions:
                """ + SITES + """
                  - id: name
                    text: Your name?
                    type: text
                    whole: true
                  - id: racks
                    text: How many racks?
                    type: number
                    whole: yes please
                  - id: halves
                    text: How many halves?
                    type: number
                    whole: true
                    min: 0.5
                """, "conversations/f.yaml", "f"));

        assertThat(e.problems()).extracting(DefinitionProblem::line, DefinitionProblem::message).containsExactlyInAnyOrder(
                tuple(5, "'asking.samples.sites' holds 2.5, but the question takes whole numbers"),
                tuple(16, "question 'name' has whole: true, which only a number question takes"),
                tuple(20, "question 'racks' has whole: yes please; expected true or false"),
                tuple(24, "question 'halves' takes whole numbers, so its min and max must be whole numbers too"));
    }
}
