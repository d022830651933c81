package org.infraadvisor.progress;

import org.infraadvisor.engine.RuleSetLoader;
import org.infraadvisor.engine.ShippedRules;
import org.infraadvisor.scenarios.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The incremental-engine lab compiles its logical copy of the rules and plays scenarios both ways (figures not judged). */
class IncrementalEvaluationLabSmokeTest {

    @Test
    void findsTheRulesThatTruthMaintenanceWouldUndoAndPlaysScenariosBothWays(@TempDir Path dir) throws IOException {
        assertThat(IncrementalEvaluationLab.selfDefeating(Path.of("rules")))
                .as("it inserts a StrategyChoice only while there is none").contains("A hard constraint decides the strategy")
                .doesNotContain("Add up the strategy votes");

        Path logical = IncrementalEvaluationLab.logicalCopy(Path.of("rules"), dir);
        try (Stream<Path> drl = Files.walk(logical).filter(p -> p.toString().endsWith(".drl"))) {
            assertThat(drl.map(IncrementalEvaluationLabSmokeTest::read)).isNotEmpty()
                    .allSatisfy(text -> assertThat(text).doesNotContainPattern("\\binsert\\("));
        }
        IncrementalEvaluationLab lab = new IncrementalEvaluationLab(ShippedRules.ruleSet(),
                RuleSetLoader.load(logical, Path.of("conversations")));
        var two = ScenarioLoader.load(Path.of("rules/scenarios")).subList(0, 2);

        IncrementalEvaluationLab.Round round = lab.round(two);

        assertThat(round.states()).isGreaterThan(2);
        assertThat(round.differences()).isBetween(0, round.states());
        assertThat(round.freshMicros()).isPositive();
        assertThat(round.incrementalMicros()).isPositive();
        assertThat(lab.freshDifferences(two)).startsWith("INCREMENTAL-FRESH differing=").contains(" of=2");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
