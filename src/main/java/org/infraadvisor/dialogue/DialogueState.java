package org.infraadvisor.dialogue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a conversation stands in its flow: which questions are asked given the answers so far, which one
 * comes next, and how far along it is. Pure function of the flow and the answers.
 */
public final class DialogueState {

    private final Flow flow;
    private final Map<String, Object> answers;
    private final Map<String, Boolean> asked = new HashMap<>();

    public DialogueState(Flow flow, Map<String, Object> answers) {
        this.flow = flow;
        this.answers = answers;
        for (Question q : flow.questions()) {
            asked.put(q.id(), q.askIf().holds(answers, id -> asked.getOrDefault(id, false)));
        }
    }

    public boolean isAsked(String questionId) {
        return asked.getOrDefault(questionId, false);
    }

    public Optional<Question> next() {
        return flow.questions().stream().filter(q -> isAsked(q.id()) && !answers.containsKey(q.id())).findFirst();
    }

    public boolean isComplete() {
        return next().isEmpty();
    }

    /** The answers that still count: those to questions that are asked, in flow order. */
    public Map<String, Object> effectiveAnswers() {
        Map<String, Object> kept = new LinkedHashMap<>();
        flow.questions().stream().filter(q -> isAsked(q.id()) && answers.containsKey(q.id()))
                .forEach(q -> kept.put(q.id(), answers.get(q.id())));
        return kept;
    }

    /** How many questions have been answered and about how many there will be in all. */
    public Progress progress() {
        int total = (int) flow.questions().stream().filter(q -> isAsked(q.id())).count();
        int answered = effectiveAnswers().size();
        return new Progress(answered, total);
    }

    public record Progress(int answered, int estimatedTotal) {
    }
}
