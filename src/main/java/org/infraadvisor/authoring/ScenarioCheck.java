package org.infraadvisor.authoring;

import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Runs the scenario suite kept beside the rules ({@code rules/scenarios/}) against a rule set. */
final class ScenarioCheck {

    record Outcome(VerifyReport.Scenarios scenarios, Set<String> firedRules, List<DefinitionProblem> problems) {
    }

    private ScenarioCheck() {
    }

    static Outcome run(RuleSet ruleSet, Path rulesDir, AdvisorEngine engine) {
        // placeholder until the scenario suite (org.infraadvisor.scenarios) is available
        return new Outcome(new VerifyReport.Scenarios(0, 0, 0, List.of()), Set.of(), List.of());
    }
}
