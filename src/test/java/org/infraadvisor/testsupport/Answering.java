package org.infraadvisor.testsupport;

import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.ConversationView.QuestionView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Answers every question a conversation asks until nothing is left to ask: the one way tests walk a whole flow. */
public final class Answering {

    /** Sends one answer and returns the conversation as the service shows it after it. */
    @FunctionalInterface
    public interface Answerer {
        ConversationView answer(String conversation, String question, Object value);
    }

    /** The most turns a flow may take before a test calls it endless. */
    private static final int MOST_TURNS = 100;

    private Answering() {
    }

    /** A value any question of its kind takes: the first option, true, some text, or 10 within the question's range. */
    public static Object plausible(QuestionView q) {
        return switch (q.type()) {
            case "number" -> within(10, q.min(), q.max());
            case "multi" -> List.of(q.options().get(0).value());
            case "boolean" -> true;
            case "text" -> "some text";
            default -> q.options().get(0).value();
        };
    }

    private static Object within(double wanted, Double min, Double max) {
        double value = Math.max(min == null ? wanted : min, Math.min(wanted, max == null ? wanted : max));
        return value == Math.rint(value) ? (Object) (long) value : value;
    }

    /** "I don't know", which every question takes. */
    public static Object unknown(QuestionView q) {
        return "unknown";
    }

    /** Answers as question → value with every number as a double, so that 70 and 70.0 compare equal. */
    public static Map<String, Object> numbersAsDoubles(Map<String, ?> answers) {
        Map<String, Object> out = new LinkedHashMap<>();
        answers.forEach((k, v) -> out.put(k, v instanceof Number n ? n.doubleValue() : v));
        return out;
    }

    /** Answers from {@code preferred} where it names the question, otherwise a {@link #plausible} value. */
    public static ConversationView answerAll(ConversationView conversation, Map<String, ?> preferred, Answerer answerer) {
        return answerAll(conversation, preferred, Answering::plausible, answerer);
    }

    /** Answers from {@code preferred} where it names the question, otherwise what {@code otherwise} picks. */
    public static ConversationView answerAll(ConversationView conversation, Map<String, ?> preferred,
                                             Function<QuestionView, Object> otherwise, Answerer answerer) {
        for (int turn = 0; conversation.question() != null; turn++) {
            if (turn > MOST_TURNS) {
                throw new AssertionError("the flow does not end: still asking " + conversation.question().id());
            }
            QuestionView q = conversation.question();
            Object value = preferred.containsKey(q.id()) ? preferred.get(q.id()) : otherwise.apply(q);
            conversation = answerer.answer(conversation.id(), q.id(), value);
        }
        return conversation;
    }
}
