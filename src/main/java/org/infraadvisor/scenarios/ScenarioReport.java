package org.infraadvisor.scenarios;

import java.util.List;
import java.util.SortedSet;

/** The results of a scenario suite and which rules it fired. */
public record ScenarioReport(List<ScenarioResult> results, SortedSet<String> rulesFired, SortedSet<String> rulesNeverFired) {

    public boolean allPassed() {
        return results.stream().allMatch(ScenarioResult::passed);
    }
}
