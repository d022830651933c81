package org.infraadvisor.authoring;

import org.infraadvisor.dialogue.DefinitionException;
import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.scenarios.Scenario;
import org.infraadvisor.scenarios.ScenarioLoader;
import org.infraadvisor.scenarios.ScenarioReport;
import org.infraadvisor.scenarios.ScenarioRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Runs the scenario suite kept beside the rules ({@code rules/scenarios/}) against a rule set, with the
 * knowledge base's own {@link ScenarioLoader} and {@link ScenarioRunner}.
 */
final class ScenarioCheck {

    static final String FOLDER = "scenarios";

    record Outcome(VerifyReport.Scenarios scenarios, Set<String> firedRules, List<DefinitionProblem> problems) {
    }

    private ScenarioCheck() {
    }

    static Outcome run(RuleSet ruleSet, Path rulesDir, AdvisorEngine engine) {
        Path dir = rulesDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return new Outcome(new VerifyReport.Scenarios(0, 0, 0, List.of()), Set.of(), List.of());
        }
        String prefix = rulesDir.getFileName() == null ? "" : rulesDir.getFileName() + "/";
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioLoader.load(dir);
        } catch (DefinitionException e) {
            List<DefinitionProblem> problems = e.problems().stream()
                    .map(p -> new DefinitionProblem(under(prefix, p.file()), p.line(), p.column(), p.message())).toList();
            return new Outcome(new VerifyReport.Scenarios(0, 0, 0, List.of()), Set.of(), problems);
        }
        ScenarioReport report;
        try {
            report = ScenarioRunner.run(ruleSet, engine, scenarios);
        } catch (RuntimeException e) {
            // a rule set that makes the runner itself fail must not be served either
            return new Outcome(new VerifyReport.Scenarios(scenarios.size(), 0, scenarios.size(), List.of()), Set.of(),
                    List.of(new DefinitionProblem(prefix + FOLDER, 0, "running the scenarios failed: " + e)));
        }
        List<VerifyReport.ScenarioResult> results = report.results().stream()
                .map(r -> new VerifyReport.ScenarioResult(r.scenario().name(), under(prefix, r.scenario().location()), r.passed(),
                        r.differences()))
                .toList();
        int passed = (int) results.stream().filter(VerifyReport.ScenarioResult::passed).count();
        return new Outcome(new VerifyReport.Scenarios(results.size(), passed, results.size() - passed, results),
                Set.copyOf(report.rulesFired()), List.of());
    }

    /** Scenario files are named from their folder ({@code scenarios/x.yaml}); reports name them from the rules folder. */
    private static String under(String prefix, String file) {
        return file.startsWith(FOLDER + "/") ? prefix + file : file;
    }
}
