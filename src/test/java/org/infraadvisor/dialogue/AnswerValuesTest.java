package org.infraadvisor.dialogue;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refusals of an answer say what is wrong in the terms of the request, with numbers a person reads. */
class AnswerValuesTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Question LOAD = new Question("daily_requests", "How many requests a day?", null,
            QuestionType.NUMBER, List.of(), 0.0, 1e10, "requests/day", null, Condition.ALWAYS, 1);
    private static final Question SITES = new Question("sites", "How many sites?", null,
            QuestionType.NUMBER, List.of(), 1.0, null, null, null, Condition.ALWAYS, 2);
    private static final Question WORKLOAD = new Question("workload", "What will the AI do?", null, QuestionType.CHOICE,
            List.of(new Option("inference", "Serve a model"), new Option("training", "Train one"),
                    new Option("fine-tuning", "Adapt one")), null, null, null, null, Condition.ALWAYS, 3);

    @Test
    void aNumberOutOfRangeIsShownWithThousandsSeparatorsAndTheUnit() {
        assertThatThrownBy(() -> AnswerValues.canonical(LOAD, json("12000000000")))
                .hasMessage("12,000,000,000 is out of range for question 'daily_requests': expected 0 to 10,000,000,000 requests/day");
        assertThatThrownBy(() -> AnswerValues.canonical(SITES, json("0.5")))
                .hasMessage("0.5 is out of range for question 'sites': expected at least 1");
    }

    @Test
    void aWholeNumberQuestionRefusesFractions() throws IOException {
        Question sites = new Question("sites", "At how many sites?", null, QuestionType.NUMBER, List.of(), 1.0, 100_000.0,
                "sites", null, Condition.ALWAYS, 2, 0.5, null, true);

        assertThatThrownBy(() -> AnswerValues.canonical(sites, json("1.5")))
                .hasMessage("question 'sites' takes a whole number; 1.5 is not one");
        assertThat(AnswerValues.canonical(sites, json("12"))).isEqualTo(12.0);
        assertThat(AnswerValues.canonical(sites, json("\"1200\""))).isEqualTo(1200.0);
        assertThat(AnswerValues.canonical(SITES, json("1.5"))).as("without whole: true a fraction is taken").isEqualTo(1.5);
    }

    @Test
    void aNumberTooLongToReadIsDescribedByItsSize() {
        assertThatThrownBy(() -> AnswerValues.canonical(LOAD, json("1e308")))
                .hasMessage("a number of 309 digits is out of range for question 'daily_requests': expected 0 to 10,000,000,000 requests/day");
    }

    @Test
    void theOptionsAreListedAsTheyAreWrittenInARequest() {
        assertThatThrownBy(() -> AnswerValues.canonical(WORKLOAD, json("\"serving\"")))
                .hasMessage("'serving' is not an option of question 'workload'; expected one of 'inference', 'training' or 'fine-tuning'");
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readValue(text, JsonNode.class);
    }
}
