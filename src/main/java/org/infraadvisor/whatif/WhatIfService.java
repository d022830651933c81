package org.infraadvisor.whatif;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.conversation.Conversation;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.InvalidAnswerException;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;
import org.infraadvisor.format.Readable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "What if I had answered differently?": evaluates the conversation's answers with some of them changed,
 * and compares with the advice for the answers as they are. Reads the conversation, never writes it.
 */
@Singleton
public class WhatIfService {

    private final RuleSetHolder rules;
    private final AdvisorEngine engine;
    private final ConversationService conversations;

    public WhatIfService(RuleSetHolder rules, AdvisorEngine engine, ConversationService conversations) {
        this.rules = rules;
        this.engine = engine;
        this.conversations = conversations;
    }

    /**
     * One answer that differs between the conversation and the what-if.
     *
     * @param from null when the question had no answer; {@code to} null when the change makes it no longer asked
     */
    @Serdeable
    public record AnswerChange(String question, String text, @Nullable Object from, @Nullable Object to,
                               @Nullable String fromLabel, @Nullable String toLabel) {
    }

    /**
     * @param answers        the answers that differ (including ones no longer asked after the change)
     * @param unanswered     questions the changed answers newly bring up; they count as unknown
     * @param advice     the advice that would result
     * @param flow       the flow it was worked out for
     * @param diff       against the advice for the conversation's answers as they are, with the same rules
     */
    public record WhatIf(String conversation, String rulesVersion, List<AnswerChange> answers, List<String> unanswered,
                         Advice advice, Flow flow, RecommendationDiff diff) {
    }

    public WhatIf whatIf(String id, @Nullable Map<String, JsonNode> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new InvalidAnswerException("the body needs 'answers': an object of question ids and the values to try, "
                    + "e.g. {\"answers\": {\"utilization\": \"steady\"}}");
        }
        Conversation conversation = conversations.get(id);
        RuleSet ruleSet = rules.current();
        Flow flow = ConversationService.flow(ruleSet, conversation.flow().id());
        Map<String, Object> current = new DialogueState(flow, conversation.answerValues()).effectiveAnswers();
        Map<String, Object> changed = ConversationService.canonical(flow, changes);

        Map<String, Object> merged = new LinkedHashMap<>(current);
        merged.putAll(changed);
        DialogueState state = new DialogueState(flow, merged);
        for (String q : changed.keySet()) {
            if (!state.isAsked(q)) {
                throw new InvalidAnswerException("question '%s' is not asked given the other answers of this what-if".formatted(q));
            }
        }
        Map<String, Object> proposed = state.effectiveAnswers();
        Advice before = engine.evaluate(ruleSet, flow, current);
        Advice after = engine.evaluate(ruleSet, flow, proposed);

        List<AnswerChange> answerChanges = new ArrayList<>();
        Set<String> questions = new LinkedHashSet<>(current.keySet());
        questions.addAll(proposed.keySet());
        for (Question q : flow.questions()) {
            if (questions.contains(q.id()) && !Objects.equals(current.get(q.id()), proposed.get(q.id()))) {
                Object from = current.get(q.id());
                Object to = proposed.get(q.id());
                answerChanges.add(new AnswerChange(q.id(), q.text(), from, to, label(q, from), label(q, to)));
            }
        }
        List<String> unanswered = flow.questions().stream()
                .filter(q -> state.isAsked(q.id()) && !proposed.containsKey(q.id())
                        && !new DialogueState(flow, current).isAsked(q.id()))
                .map(Question::id).toList();
        return new WhatIf(conversation.id(), ruleSet.version(), answerChanges, unanswered, after, flow,
                RecommendationDiff.between(before, after));
    }

    private static String label(Question q, Object value) {
        return value == null ? null : Readable.answer(q, value);
    }
}
