package org.infraadvisor.authoring;

import org.infraadvisor.authoring.AnswerTest.Kind;
import org.infraadvisor.dialogue.Condition;
import org.infraadvisor.dialogue.Option;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.dialogue.QuestionType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a rule's test on an answer needs, in the words the user chose from: no question ids, no option values. */
class AnswerTestWordsTest {

    static final Question CLOUD = new Question("cloud_provider", "Which cloud?", null, QuestionType.CHOICE,
            List.of(new Option("aws", "AWS"), new Option("gcp", "Google Cloud")), null, null, null, null, Condition.ALWAYS, 1);
    static final Question YEARS = new Question("horizon_years", "Over how many years?", null, QuestionType.NUMBER, List.of(),
            1.0, 10.0, "years", null, Condition.ALWAYS, 1);

    @Test
    void optionsReadAsTheirLabels() {
        assertThat(new AnswerTest(Kind.VALUE, "==", List.of("aws"), "").needs(CLOUD)).isEqualTo("\"AWS\"");
        assertThat(new AnswerTest(Kind.VALUE, "==", List.of("aws", "gcp"), "").needs(CLOUD)).isEqualTo("one of \"AWS\" or \"Google Cloud\"");
        assertThat(new AnswerTest(Kind.VALUE, "!=", List.of("unknown"), "").needs(CLOUD)).isEqualTo("anything but \"I don't know\"");
    }

    @Test
    void numbersReadWithTheirUnitAndFlagsInWords() {
        assertThat(new AnswerTest(Kind.NUMBER, ">=", List.of("5"), "").needs(YEARS)).isEqualTo("at least 5 years");
        assertThat(new AnswerTest(Kind.NUMBER, "<", List.of("2000"), "").needs(YEARS)).isEqualTo("less than 2,000 years");
        assertThat(new AnswerTest(Kind.FLAG, "==", List.of("known"), "").needs(YEARS)).isEqualTo("an answer other than \"I don't know\"");
        assertThat(new AnswerTest(Kind.FLAG, "==", List.of("unknown"), "").needs(YEARS)).isEqualTo("\"I don't know\"");
    }
}
