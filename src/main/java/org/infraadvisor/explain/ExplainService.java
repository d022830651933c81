package org.infraadvisor.explain;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.advice.FiringStep;
import org.infraadvisor.conversation.Conversation;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.Evaluation;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Advice with its explanation, from one evaluation.
     *
     * @param steps    the firing trace
     * @param rules    every rule the trace and the explanation name beyond those the advice cites
     * @param complete whether every question was answered; if not, the missing answers counted as unknown
     */
    public record Explained(Advice advice, Flow flow, List<FiringStep> steps, Map<String, Advice.RuleRef> rules,
                            Explanation explanation, boolean complete) {
    }

    public Explained evaluate(String flowId, Map<String, JsonNode> given) {
        RuleSet ruleSet = rules.current();
        Flow flow = ConversationService.flow(ruleSet, flowId);
        Map<String, Object> answers = ConversationService.canonical(flow, given);
        return explain(ruleSet, flow, answers);
    }

    /** Re-evaluates the conversation's answers with the serving rules, so that the explanation matches them exactly. */
    public Explained conversation(String id) {
        Conversation c = conversations.get(id);
        RuleSet ruleSet = rules.current();
        Flow flow = ConversationService.flow(ruleSet, c.flow().id());
        return explain(ruleSet, flow, c.answerValues());
    }

    private Explained explain(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        Evaluation evaluation = engine.evaluateInDetail(ruleSet, flow, answers);
        Explainer.Result result = Explainer.explain(ruleSet, flow, evaluation);
        Set<String> inChain = new HashSet<>();
        chain(result.explanation().why(), inChain);
        List<FiringStep> steps = evaluation.steps(inChain::contains);
        Set<String> shown = new HashSet<>();
        steps.forEach(s -> shown.add(s.rule()));
        Map<String, Advice.RuleRef> named = new LinkedHashMap<>();
        evaluation.firedRules().stream().map(ruleSet::ref).filter(ref -> shown.contains(ref.id()))
                .forEach(ref -> named.putIfAbsent(ref.id(), ref));
        result.rules().forEach(named::putIfAbsent);
        return new Explained(evaluation.advice(), flow, steps, Collections.unmodifiableMap(named),
                result.explanation(), new DialogueState(flow, answers).isComplete());
    }

    /** The rules of the strategy's chain, which the trace keeps even where they pass on only derived facts. */
    private static void chain(Explanation.Step step, Set<String> rules) {
        if (step != null) {
            rules.add(step.rule());
            step.from().forEach(s -> chain(s, rules));
        }
    }
}
