package org.infraadvisor.engine;

import org.infraadvisor.advice.Recommendation;
import org.infraadvisor.facts.Answer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One evaluation in full: the recommendation, the answer facts it started from, every fact the session held
 * at the end, and the trace of which rule fired on what. For explanations and rule checks; the service
 * itself only needs the recommendation.
 */
public record Evaluation(Recommendation recommendation, List<Answer> answers, List<Object> facts, Trace trace) {

    public <T> List<T> factsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public Set<String> firedRules() {
        Set<String> fired = new LinkedHashSet<>();
        trace.firings().forEach(f -> fired.add(f.rule()));
        return fired;
    }
}
