package org.infraadvisor.scenarios;

import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * Results of a scenario run plus rule coverage: which rules fired in at least one scenario and which in none.
 */
public record ScenarioReport(List<ScenarioResult> results, SortedSet<String> rulesFired, SortedSet<String> rulesNeverFired) {

    public boolean allPassed() {
        return results.stream().allMatch(ScenarioResult::passed);
    }

    public List<ScenarioResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** A plain-text report: one line per scenario, the differences of failures, then coverage. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        long passed = results.stream().filter(ScenarioResult::passed).count();
        s.append("Scenarios: ").append(passed).append(" of ").append(results.size()).append(" passed\n");
        for (ScenarioResult r : results) {
            s.append(r.passed() ? "  PASS " : "  FAIL ").append(r.scenario().name()).append(" (").append(r.scenario().location()).append(")\n");
            r.differences().forEach(d -> s.append("       - ").append(d).append('\n'));
        }
        int total = rulesFired.size() + rulesNeverFired.size();
        s.append("Rule coverage: ").append(rulesFired.size()).append(" of ").append(total).append(" rules fired in at least one scenario\n");
        if (!rulesNeverFired.isEmpty()) {
            s.append("Rules that fired in no scenario:\n")
             .append(rulesNeverFired.stream().map(r -> "  - " + r).collect(Collectors.joining("\n"))).append('\n');
        }
        return s.toString();
    }
}
