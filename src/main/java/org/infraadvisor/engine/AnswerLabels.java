package org.infraadvisor.engine;

import org.infraadvisor.advice.Recommendation.Because;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.dialogue.QuestionType;
import org.infraadvisor.facts.Answer;

import java.util.List;

/** How an answer fact reads to a person: the question's text and the chosen option's label. */
public final class AnswerLabels {

    private AnswerLabels() {
    }

    public static Because because(Flow flow, Answer a) {
        Question q = flow.question(a.getQuestion()).orElse(null);
        Object value = a.isUnknown() ? Answer.UNKNOWN : !Double.isNaN(a.getNumber()) ? (Object) a.getNumber()
                : a.getValues().size() > 1 || q != null && q.type() == QuestionType.MULTI ? a.getValues() : a.getValue();
        return new Because(a.getQuestion(), q == null ? a.getQuestion() : q.text(), value, label(q, a));
    }

    /** "I don't know", "not asked", the option labels, or the number with its unit. */
    public static String label(Question q, Answer a) {
        if (a.isUnknown()) {
            return "I don't know";
        }
        if (!a.isAsked()) {
            return "not asked";
        }
        if (q == null) {
            return a.getValue();
        }
        if (q.type() == QuestionType.BOOLEAN) {
            return Boolean.parseBoolean(a.getValue()) ? "Yes" : "No"; // as ConversationService labels the answer
        }
        if (!Double.isNaN(a.getNumber()) && q.unit() != null) {
            return a.getValue() + " " + q.unit();
        }
        List<String> values = a.getValues().isEmpty() ? List.of(a.getValue()) : a.getValues();
        return String.join(", ", values.stream().map(q::labelOf).toList());
    }
}
