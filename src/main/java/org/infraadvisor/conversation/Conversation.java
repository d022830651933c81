package org.infraadvisor.conversation;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation as every channel sees it: the answers so far in flow order, the next question, or the advice once
 * every question is answered.
 *
 * @param id         the owner's key: whoever holds it can answer, change and erase the conversation
 * @param next       the next question, null when complete
 * @param advice     the advice, null while questions are open
 * @param shareToken the read-only key that links to the advice carry; null while sharing is off
 */
public record Conversation(String id, Flow flow, String status, String channel, List<GivenAnswer> answers, Question next,
                           DialogueState.Progress progress, Advice advice, Instant createdAt, Instant updatedAt, String shareToken) {

    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";

    /** One stored answer: the question's id and the canonical value (or {@code "unknown"}). */
    public record GivenAnswer(String question, Object value, Instant answeredAt) {
    }

    /** The answers by question id, as canonical values. */
    public Map<String, Object> answerValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        answers.forEach(a -> values.put(a.question(), a.value()));
        return values;
    }
}
