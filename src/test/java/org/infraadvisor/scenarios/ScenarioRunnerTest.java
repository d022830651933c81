package org.infraadvisor.scenarios;

import org.infraadvisor.advice.Advice.Accelerator;
import org.infraadvisor.dialogue.DefinitionException;
import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Scenario files: mistakes are reported with file and line, failed expectations in plain words. */
class ScenarioRunnerTest {

    @TempDir
    Path dir;

    @Test
    void malformedScenarioFilesAreAllReportedWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("a-typo.yaml"), """
                name: Typo
                answers:
                  workload: inference
                expect:
                  strategy: cloud-first
                  topAccelerator: [H100]
                """);
        Files.writeString(dir.resolve("b-strategy.yaml"), """
                name: Bad strategy
                answers:
                  workload: inference
                expect:
                  strategy: cloud
                  readiness: { compute: fine }
                """);
        Files.writeString(dir.resolve("c-syntax.yaml"), """
                name: Broken
                answers: [unclosed
                """);
        DefinitionException e = assertThrows(DefinitionException.class, () -> ScenarioLoader.load(dir));
        String folder = dir.getFileName().toString();
        assertThat(e.problems()).extracting(DefinitionProblem::toString).anySatisfy(p -> assertThat(p)
                .startsWith(folder + "/a-typo.yaml:6:").contains("unknown expect field 'topAccelerator'"));
        assertThat(e.problems()).extracting(DefinitionProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith(folder + "/b-strategy.yaml:5:").contains("unknown strategy 'cloud'"))
                .anySatisfy(p -> assertThat(p).startsWith(folder + "/b-strategy.yaml:6:").contains("'fine'"))
                .anySatisfy(p -> assertThat(p).startsWith(folder + "/c-syntax.yaml:").contains("YAML syntax"));
    }

    @Test
    void invalidAnswersAndUnaskedQuestionsFailWithTheirLine() {
        List<DefinitionProblem> problems = new ArrayList<>();
        Scenario s = ScenarioLoader.parse("""
                name: Invalid answers
                answers:
                  workload: training
                  latency: instant
                  model_size_b: 99999
                  daily_requests: 100
                expect:
                  strategy: cloud-first
                """, "scenarios/x.yaml", problems);
        assertThat(problems).isEmpty();
        ScenarioResult r = ScenarioRunner.run(ShippedRules.ruleSet(), new AdvisorEngine(10_000), s);
        assertThat(r.passed()).isFalse();
        assertThat(r.differences())
                .anySatisfy(d -> assertThat(d).startsWith("scenarios/x.yaml:4:").contains("'instant' is not an option"))
                .anySatisfy(d -> assertThat(d).startsWith("scenarios/x.yaml:5:").contains("out of range"));
        Scenario unasked = ScenarioLoader.parse("""
                name: Unasked
                answers:
                  workload: training
                  daily_requests: 100
                expect:
                  strategy: cloud-first
                """, "scenarios/y.yaml", problems);
        assertThat(ScenarioRunner.run(ShippedRules.ruleSet(), new AdvisorEngine(10_000), unasked).differences())
                .singleElement().satisfies(d -> assertThat(d).startsWith("scenarios/y.yaml:4:").contains("not ask"));
    }

    @Test
    void unmetExpectationsAreDescribedInPlainWords() {
        List<DefinitionProblem> problems = new ArrayList<>();
        Scenario s = ScenarioLoader.parse("""
                name: Wrong expectations
                answers:
                  workload: inference
                  model_size_b: 70
                  data_residency: on-premises
                expect:
                  strategy: cloud-first
                  topAcceleratorOneOf: [TPU v6e]
                  risks: [no such risk]
                  readiness: { security: ready }
                  maxConfidence: 0.1
                """, "scenarios/z.yaml", problems);
        ScenarioResult r = ScenarioRunner.run(ShippedRules.ruleSet(), new AdvisorEngine(10_000), s);
        assertThat(r.differences())
                .anySatisfy(d -> assertThat(d).startsWith("strategy: expected cloud-first, got on-prem"))
                .anySatisfy(d -> assertThat(d).startsWith("top accelerator: expected TPU v6e, got"))
                .anySatisfy(d -> assertThat(d).startsWith("risks: expected one titled like 'no such risk'"))
                .anySatisfy(d -> assertThat(d).startsWith("readiness of security: expected ready, got gap"))
                .anySatisfy(d -> assertThat(d).startsWith("confidence: expected at most 0.1"));
        assertThat(r.rulesFired()).contains("Data that must stay on premises requires on-prem");
    }

    @Test
    void acceleratorNamesMatchWholeWords() {
        Accelerator l40s = new Accelerator("NVIDIA", "L40S", 1, 50, "", null);
        Accelerator l4 = new Accelerator("NVIDIA", "L4", 1, 50, "", null);
        Accelerator tpu = new Accelerator("Google", "TPU v6e (Trillium)", 1, 50, "", null);
        assertThat(ScenarioRunner.matches("L4", l40s)).isFalse();
        assertThat(ScenarioRunner.matches("L4", l4)).isTrue();
        assertThat(ScenarioRunner.matches("nvidia l4", l4)).isTrue();
        assertThat(ScenarioRunner.matches("TPU v6e", tpu)).isTrue();
        assertThat(ScenarioRunner.matches("TPU v6", tpu)).isFalse();
    }
}
