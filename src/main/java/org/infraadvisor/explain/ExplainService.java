package org.infraadvisor.explain;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.infraadvisor.advice.Recommendation;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.conversation.ConversationView;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.Evaluation;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;

import java.util.LinkedHashMap;
import java.util.Map;

/** Explains the advice for a stored conversation or for a set of answers, with the serving rules. */
@Singleton
public class ExplainService {

    private final RuleSetHolder rules;
    private final AdvisorEngine engine;
    private final ConversationService conversations;

    public ExplainService(RuleSetHolder rules, AdvisorEngine engine, ConversationService conversations) {
        this.rules = rules;
        this.engine = engine;
        this.conversations = conversations;
    }

    /** A recommendation with its explanation, computed in one evaluation. */
    public record Explained(Recommendation recommendation, Explanation explanation) {
    }

    /**
     * @param complete whether every question has been answered; if not, the missing answers count as unknown
     */
    @Serdeable
    public record ConversationExplanation(String conversation, boolean complete, Explanation explanation) {
    }

    public Explained evaluate(String flowId, Map<String, JsonNode> given) {
        RuleSet ruleSet = rules.current();
        Flow flow = ConversationService.flow(ruleSet, flowId);
        Evaluation evaluation = engine.evaluateInDetail(ruleSet, flow, ConversationService.canonical(flow, given));
        return new Explained(evaluation.recommendation(), Explainer.explain(ruleSet, flow, evaluation));
    }

    /** Re-evaluates the conversation's answers with the serving rules, so that the explanation matches them exactly. */
    public ConversationExplanation conversation(String id) {
        ConversationView view = conversations.get(id);
        RuleSet ruleSet = rules.current();
        Flow flow = ConversationService.flow(ruleSet, view.flow());
        Map<String, Object> answers = answers(view);
        Evaluation evaluation = engine.evaluateInDetail(ruleSet, flow, answers);
        return new ConversationExplanation(view.id(), new DialogueState(flow, answers).isComplete(),
                Explainer.explain(ruleSet, flow, evaluation));
    }

    /** The conversation's answers by question id, as canonical values. */
    public static Map<String, Object> answers(ConversationView view) {
        Map<String, Object> answers = new LinkedHashMap<>();
        view.answers().forEach(a -> answers.put(a.question(), a.value()));
        return answers;
    }
}
