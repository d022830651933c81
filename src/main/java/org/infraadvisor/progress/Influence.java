package org.infraadvisor.progress;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.infraadvisor.authoring.AnswerPattern;
import org.infraadvisor.authoring.RuleDef;
import org.infraadvisor.authoring.RuleModel;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.facts.Answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which rules and which answers can change the head of the advice (the strategy and the accelerator ranking),
 * from what each rule reads and creates ({@link RuleModel}, Drools' own DRL parser):
 * <ul>
 *   <li>a rule can change the headline if it creates a fact that a headline rule reads (also under {@code not}),
 *       or writes facts in a way the analysis cannot name; {@code StrategyChoice} and {@code AcceleratorChoice}
 *       themselves are the headline. Other rules (costs, risks, readiness, plan) need not fire for a preview;</li>
 *   <li>two answers to a question have the same effect on those rules when every pattern of theirs that reads the
 *       question matches both or neither, and no matching pattern hands the value on (binds it): then only one of
 *       them needs to be evaluated, and one with the same effect as "unknown" none.</li>
 * </ul>
 * When some rule could not be analysed, every rule fires and every answer counts as different.
 */
final class Influence {

    static final Set<String> HEADLINE_FACTS = Set.of("StrategyChoice", "AcceleratorChoice");

    private static final Cache<String, Influence> CACHE = Caffeine.newBuilder().maximumSize(8).build(); // by rules version

    private final boolean complete;
    private final Set<String> rulesToFire;
    private final List<AnswerPattern> headlinePatterns;
    // of the values tried (candidates and unknown) and of users' own numbers, which are far more: bounded
    private final Cache<List<Object>, Object> effects = Caffeine.newBuilder().maximumSize(10_000).build();

    private Influence(boolean complete, Set<String> rulesToFire, List<AnswerPattern> headlinePatterns) {
        this.complete = complete;
        this.rulesToFire = rulesToFire;
        this.headlinePatterns = headlinePatterns;
    }

    /** The analysis of a rule set, once per rules version. */
    static Influence of(RuleSet ruleSet) {
        return CACHE.get(ruleSet.version(), v -> analyse(ruleSet.rules().keySet(), RuleModel.of(ruleSet)));
    }

    static Influence analyse(Set<String> ruleNames, RuleModel model) {
        Set<String> modelled = new HashSet<>();
        model.rules().forEach(r -> modelled.add(r.name()));
        if (!modelled.containsAll(ruleNames)) {
            return new Influence(false, Set.copyOf(ruleNames), List.of());
        }
        Set<String> needed = new HashSet<>(HEADLINE_FACTS);
        Map<String, RuleDef> headline = new LinkedHashMap<>();
        boolean grown = true;
        while (grown) {
            grown = false;
            for (RuleDef r : model.rules()) {
                boolean feeds = r.factTypesInserted().contains(RuleDef.ANY_FACT) || r.factTypesInserted().stream().anyMatch(needed::contains);
                if (!headline.containsKey(r.name()) && feeds) {
                    headline.put(r.name(), r);
                    needed.addAll(r.factTypesRead());
                    grown = true;
                }
            }
        }
        List<AnswerPattern> patterns = new ArrayList<>();
        headline.values().forEach(r -> patterns.addAll(r.answers()));
        return new Influence(true, Set.copyOf(headline.keySet()), List.copyOf(patterns));
    }

    /** The rules a headline evaluation fires: those that can change the headline, or all when some could not be analysed. */
    Set<String> rulesToFire() {
        return rulesToFire;
    }

    /**
     * A key that is equal for two values of a question exactly when the analysis can show they act alike on the
     * headline rules (the caller adds which questions each value leaves asked).
     */
    Object effect(Flow flow, String question, Object value) {
        return effects.get(List.of(flow.id(), question, value), k -> workOutEffect(flow, question, value));
    }

    private Object workOutEffect(Flow flow, String question, Object value) {
        if (!complete) {
            return List.of("distinct", value);
        }
        Answer answer = AdvisorEngine.facts(flow, Map.of(question, value)).stream()
                .filter(a -> a.getQuestion().equals(question)).findFirst().orElseThrow();
        List<Object> key = new ArrayList<>();
        for (AnswerPattern p : headlinePatterns) {
            if (!p.questions().isEmpty() && !p.questions().contains(question)) {
                continue;
            }
            Optional<Boolean> matches = p.matches(answer);
            if (matches.isEmpty()) {
                return List.of("distinct", value);
            }
            key.add(matches.get() && p.passesValue() ? List.of(true, value) : matches.get());
        }
        return key;
    }

}
