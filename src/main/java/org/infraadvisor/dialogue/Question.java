package org.infraadvisor.dialogue;

import org.infraadvisor.format.AnswerWording;

import java.util.List;

/**
 * One question of a flow, as written in {@code conversations/*.yaml}.
 *
 * @param askIf condition on earlier answers; {@link Condition#ALWAYS} when the question is always asked
 * @param line  line in the YAML file where the question starts, for error reports
 * @param importance how much the answer can change the advice (weights confidence and follow-up questions)
 * @param why        why the question matters, shown when it is left unanswered
 * @param whole      a number question whose answer is a whole number (a count of sites, years)
 */
public record Question(String id, String text, String help, QuestionType type, List<Option> options,
                       Double min, Double max, String unit, Integer maxLength, Condition askIf, int line,
                       double importance, String why, boolean whole) implements AnswerWording {

    /** Importance of a question that does not state one: it refines the advice. */
    public static final double DEFAULT_IMPORTANCE = 0.5;

    public Question(String id, String text, String help, QuestionType type, List<Option> options,
                    Double min, Double max, String unit, Integer maxLength, Condition askIf, int line) {
        this(id, text, help, type, options, min, max, unit, maxLength, askIf, line, DEFAULT_IMPORTANCE, null, false);
    }

    /** The same question with other help and why texts (placeholders resolved). */
    public Question withTexts(String help, String why) {
        return new Question(id, text, help, type, options, min, max, unit, maxLength, askIf, line, importance, why, whole);
    }

    public boolean offers(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }

    @Override
    public boolean yesNo() {
        return type == QuestionType.BOOLEAN;
    }

    @Override
    public String labelOf(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }
}
