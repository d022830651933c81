package org.infraadvisor.scenarios;

import org.infraadvisor.advice.Recommendation;

import java.util.List;
import java.util.Set;

/** A scenario's outcome: what differs from the expectation (nothing when it passed) and the rules that fired. */
public record ScenarioResult(Scenario scenario, List<String> differences, Recommendation recommendation, Set<String> rulesFired) {

    public boolean passed() {
        return differences.isEmpty();
    }
}
