package org.infraadvisor.engine;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.advice.FiringStep;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.facts.Answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One evaluation in full: the advice, the answer facts it started from, every fact the session held at the end (in the
 * order inserted), and the trace of which rule fired on what. For explanations and rule checks; the service itself only needs the advice.
 */
public record Evaluation(Advice advice, List<Answer> answers, List<Object> facts, Trace trace, RuleSet ruleSet, Flow flow) {

    public <T> List<T> factsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The names of the rules that fired, in order of first firing. */
    public Set<String> firedRules() {
        Set<String> fired = new LinkedHashSet<>();
        trace.firings().forEach(f -> fired.add(f.rule()));
        return fired;
    }

    /** The id of a rule of this rule set, by name. */
    public String ruleId(String name) {
        RuleSet.RuleInfo info = ruleSet.rules().get(name);
        return info == null ? RuleIds.of(null, name, null) : info.id();
    }

    /**
     * The firing trace as a reader can follow it: one step per rule that fired, in order of first firing, with the
     * answers its conditions matched and what it concluded that the advice shows. Built only when asked for. A rule
     * that matched no answer and concluded nothing the advice shows (loading the catalogue, passing a derived figure
     * on) is left out unless {@code alsoShown} names its id: it is plumbing, and the advice's reasons already follow
     * through it.
     */
    public List<FiringStep> steps(Predicate<String> alsoShown) {
        Map<String, Set<String>> answered = new LinkedHashMap<>();
        Map<String, Set<String>> concluded = new LinkedHashMap<>();
        for (Trace.Firing f : trace.firings()) {
            Set<String> a = answered.computeIfAbsent(f.rule(), r -> new LinkedHashSet<>());
            for (Object matched : f.matched()) {
                if (matched instanceof Answer answer && answer.isAsked()) {
                    a.add(answer.getQuestion());
                }
            }
            Set<String> c = concluded.computeIfAbsent(f.rule(), r -> new LinkedHashSet<>());
            for (Object fact : f.concluded()) {
                String text = Conclusions.describe(fact, flow);
                if (text != null) {
                    c.add(text);
                }
            }
        }
        List<FiringStep> steps = new ArrayList<>(answered.size());
        answered.forEach((rule, a) -> {
            Set<String> c = concluded.get(rule);
            String id = ruleId(rule);
            if (!a.isEmpty() || !c.isEmpty() || alsoShown.test(id)) {
                steps.add(new FiringStep(id, List.copyOf(a), List.copyOf(c)));
            }
        });
        return steps;
    }
}
