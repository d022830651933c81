package org.infraadvisor.authoring;

import org.infraadvisor.dialogue.Question;
import org.infraadvisor.facts.Answer;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An {@code Answer(...)} pattern of a rule: which question(s) it reads and what it tests.
 *
 * @param questions the question ids it is restricted to ({@code question == "x"} or {@code question in (...)});
 *                  empty when it matches answers to any question
 * @param placement whether the rule needs a match ({@code REQUIRED}), needs none ({@code NEGATED}, under {@code not}),
 *                  or the pattern sits deeper (in {@code or}, {@code accumulate}, {@code from}, ...)
 * @param line      line of the pattern in its DRL file
 */
public record AnswerPattern(List<String> questions, Placement placement, int line, String text, List<AnswerTest> tests,
                            List<String> bindings) {

    public enum Placement { REQUIRED, NEGATED, NESTED }

    /** Whether an answer satisfies every test; empty when some test cannot be evaluated and none failed. */
    public Optional<Boolean> matches(Answer a) {
        if (!questions.isEmpty() && !questions.contains(a.getQuestion())) {
            return Optional.of(false);
        }
        boolean undetermined = false;
        for (AnswerTest t : tests) {
            Optional<Boolean> r = t.holds(a);
            if (r.isEmpty()) {
                undetermined = true;
            } else if (!r.get()) {
                return Optional.of(false);
            }
        }
        return undetermined ? Optional.empty() : Optional.of(true);
    }

    /** What all tests need, in the words of the answers (no ids), joined with "and"; see {@link AnswerTest#needs}. */
    public String needs(java.util.function.Function<String, Question> questionById) {
        if (tests.isEmpty()) {
            return "any answer";
        }
        Question q = questions.size() == 1 ? questionById.apply(questions.get(0)) : null;
        return tests.stream().map(t -> t.needs(q)).collect(Collectors.joining(" and "));
    }
}
