package org.infraadvisor.dialogue;

import java.util.List;
import java.util.Map;

/**
 * When a question is asked: every listed earlier question must have one of the listed values (choice or
 * multi), or a number within {@code min..max}. An earlier answer of {@code unknown} never hides a question:
 * when we do not know, we rather ask more.
 */
public record Condition(List<Clause> clauses) {

    public static final Condition ALWAYS = new Condition(List.of());

    public record Clause(String question, List<String> anyOf, Double min, Double max) {

        boolean holds(Object answer) {
            if (answer == null || AnswerValues.UNKNOWN.equals(answer)) {
                return true;
            }
            if (answer instanceof Number n) {
                double d = n.doubleValue();
                return (min == null || d >= min) && (max == null || d <= max);
            }
            if (answer instanceof List<?> list) {
                for (Object v : list) {
                    if (anyOf.contains(String.valueOf(v))) {
                        return true;
                    }
                }
                return false;
            }
            return anyOf.contains(String.valueOf(answer));
        }
    }

    /**
     * @param answers the answers given so far, by question id
     * @param asked   whether a question is asked at all given those answers (a skipped question hides its dependants)
     */
    public boolean holds(Map<String, Object> answers, java.util.function.Predicate<String> asked) {
        // a plain loop: every dialogue state checks every question's condition, many times per turn
        for (Clause c : clauses) {
            if (!asked.test(c.question()) || !c.holds(answers.get(c.question()))) {
                return false;
            }
        }
        return true;
    }
}
