package org.infraadvisor.dialogue;

import java.util.List;

/**
 * One question of a flow, as written in {@code conversations/*.yaml}.
 *
 * @param askIf condition on earlier answers; {@link Condition#ALWAYS} when the question is always asked
 * @param line  line in the YAML file where the question starts, for error reports
 */
public record Question(String id, String text, String help, QuestionType type, List<Option> options,
                       Double min, Double max, String unit, Integer maxLength, Condition askIf, int line) {

    public boolean offers(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }

    public String labelOf(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }
}
