package org.infraadvisor.authoring;

import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.facts.Answer;
import org.infraadvisor.format.Readable;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One constraint of an {@code Answer(...)} pattern besides the question, as Drools' expression parser read it:
 * a test on the option value, the chosen options, the number, or a known/unknown/asked flag. Constraints the
 * analysis cannot interpret are kept as {@link Kind#OPAQUE} with their text.
 *
 * @param operator {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code contains},
 *                 {@code not contains} (a flag test uses {@code ==} / {@code !=} against true)
 * @param literals the values the constraint compares with (for VALUE: any of them for {@code ==}, none for {@code !=})
 */
public record AnswerTest(Kind kind, String operator, List<String> literals, String text) {

    public enum Kind { VALUE, VALUES, NUMBER, FLAG, OPAQUE }

    /** Whether the answer passes this test; empty when the analysis cannot tell. */
    public Optional<Boolean> holds(Answer a) {
        return switch (kind) {
            case VALUE -> Optional.of(operator.equals("==") == literals.contains(a.getValue()));
            case VALUES -> Optional.of(operator.equals("contains") == a.getValues().contains(literals.get(0)));
            case NUMBER -> Optional.of(compare(a.getNumber(), Double.parseDouble(literals.get(0))));
            case FLAG -> Optional.of(operator.equals("==") == flag(a, literals.get(0)));
            case OPAQUE -> Optional.empty();
        };
    }

    private boolean compare(double n, double limit) {
        // Java and Drools alike: every comparison with NaN (no number given) is false, except !=
        return switch (operator) {
            case "<" -> n < limit;
            case "<=" -> n <= limit;
            case ">" -> n > limit;
            case ">=" -> n >= limit;
            case "==" -> n == limit;
            default -> n != limit;
        };
    }

    private static boolean flag(Answer a, String flag) {
        return switch (flag) {
            case "known" -> a.isKnown();
            case "unknown" -> a.isUnknown();
            default -> a.isAsked();
        };
    }

    /**
     * What the test needs, in the words the user chose from: {@code "Steady: busy most hours"}, {@code one of "AWS" or
     * "Google Cloud"}, {@code at least 5 years}; no question ids or option values.
     */
    public String needs(Question q) {
        return switch (kind) {
            case VALUE -> (operator.equals("==") ? literals.size() == 1 ? "" : "one of " : "anything but ")
                    + literals.stream().map(v -> label(q, v)).collect(Collectors.joining(" or "));
            case VALUES -> (operator.equals("contains") ? "an answer including " : "an answer without ") + label(q, literals.get(0));
            case NUMBER -> NUMBER_WORDS.getOrDefault(operator, operator) + " "
                    + Readable.quantity(Double.parseDouble(literals.get(0)), q == null ? null : q.unit());
            case FLAG -> switch (literals.get(0)) {
                case "known" -> operator.equals("==") ? ANY_ANSWER : DONT_KNOW;
                case "unknown" -> operator.equals("==") ? DONT_KNOW : ANY_ANSWER;
                default -> operator.equals("==") ? "the question asked" : "the question not asked";
            };
            case OPAQUE -> text;
        };
    }

    private static final String ANY_ANSWER = "an answer other than \"I don't know\"";
    private static final String DONT_KNOW = "\"I don't know\"";
    private static final java.util.Map<String, String> NUMBER_WORDS = java.util.Map.of("<", "less than", "<=", "at most",
            ">", "more than", ">=", "at least", "==", "exactly", "!=", "other than");

    private static String label(Question q, String value) {
        if (AnswerValues.UNKNOWN.equals(value)) {
            return DONT_KNOW;
        }
        return "\"" + (q != null && q.offers(value) ? q.labelOf(value) : value) + "\"";
    }
}
