package org.infraadvisor.scenarios;

import org.infraadvisor.advice.Advice;

import java.util.List;
import java.util.Set;

/**
 * The outcome of one scenario.
 *
 * @param differences human-readable reasons it failed (empty when it passed)
 * @param advice the advice, or null when the answers were invalid or evaluation failed
 * @param rulesFired the rules that fired for it
 */
public record ScenarioResult(Scenario scenario, List<String> differences, Advice advice, Set<String> rulesFired) {

    public boolean passed() {
        return differences.isEmpty();
    }
}
