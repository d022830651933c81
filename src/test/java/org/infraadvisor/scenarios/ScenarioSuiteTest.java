package org.infraadvisor.scenarios;

import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.ShippedRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every organisation profile in {@code rules/scenarios/} against the shipped rules: one dynamic test per
 * scenario, plus rule coverage (every rule must fire in at least one scenario).
 */
class ScenarioSuiteTest {

    static final Path SCENARIOS = Path.of("rules/scenarios");

    private static ScenarioReport report;

    static synchronized ScenarioReport report() {
        if (report == null) {
            report = ScenarioRunner.run(ShippedRules.ruleSet(), new AdvisorEngine(10_000), ScenarioLoader.load(SCENARIOS));
            System.out.println(report.summary());
        }
        return report;
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioGetsTheAdviceAnArchitectExpects() {
        return report().results().stream().map(r -> DynamicTest.dynamicTest(r.scenario().name(),
                Path.of(r.scenario().file().replaceFirst("^scenarios/", SCENARIOS + "/")).toUri(),
                () -> assertThat(r.differences()).as("%s (%s)", r.scenario().name(), r.scenario().location()).isEmpty()));
    }

    @Test
    void everyRuleFiresInAtLeastOneScenario() {
        ScenarioReport r = report();
        assertThat(r.rulesFired()).isNotEmpty();
        assertThat(r.rulesNeverFired()).as("rules that fired in no scenario (add a scenario that needs them, or remove them)").isEmpty();
    }

    @Test
    void theSuiteCoversTheRequiredEdgeCasesAndEnoughProfiles() {
        assertThat(report().results()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(report().results()).extracting(res -> res.scenario().name().toLowerCase())
                .anyMatch(n -> n.contains("tiny pilot"))
                .anyMatch(n -> n.contains("air-gap"))
                .anyMatch(n -> n.contains("bursty"))
                .anyMatch(n -> n.contains("realtime"))
                .anyMatch(n -> n.contains("24x7"))
                .anyMatch(n -> n.contains("without an infrastructure team"))
                .anyMatch(n -> n.contains("frontier"))
                .anyMatch(n -> n.contains("cpu is enough"))
                .anyMatch(n -> n.contains("everything unknown"));
    }
}
