package org.infraadvisor.bench;

import org.infraadvisor.engine.ShippedRules;
import org.infraadvisor.scenarios.Scenario;
import org.infraadvisor.scenarios.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The quality benchmark plays conversations in each order and reports its figures (not judged here). */
class ProgressQualitySmokeTest {

    @Test
    void playsTwoScenariosInEveryOrder() {
        List<Scenario> two = ScenarioLoader.load(Path.of("rules/scenarios")).subList(0, 2);

        List<ProgressQuality.Row> rows = new ProgressQuality(ShippedRules.ruleSet()).run(two);

        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.fixed().answers()).isPositive();
            assertThat(r.fixed().settledAfter()).isBetween(0, r.fixed().answers());
            assertThat(r.decisive().settledAfter()).isBetween(0, r.decisive().answers());
            assertThat(r.decisive().previewDisagreements()).isZero();
            assertThat(r.decisive().evaluations()).hasSize(r.decisive().answers());
            assertThat(r.saturated().settledAfter()).isBetween(0, r.saturated().answers());
            assertThat(r.saturated().previewDisagreements()).as("the preview is exact without the search too").isZero();
            assertThat(r.oneDeep().settledAfter()).isBetween(0, r.oneDeep().answers());
            assertThat(r.oneDeep().previewDisagreements()).isZero();
        });
        assertThat(ProgressQuality.report(rows)).contains("PROGRESS-QUALITY scenarios=2", "PROGRESS-SATURATED", "PROGRESS-COST",
                "PROGRESS-ONE-DEEP", "PROGRESS-COST-ONE-DEEP",
                "PROGRESS-QUALITY-HALVES median-settled-decisive odd=" + rows.get(0).decisive().settledAfter()
                        + " even=" + rows.get(1).decisive().settledAfter());
    }

    @Test
    void theTraceShowsTheAdvisorsOrderAnswerByAnswerAsPlayed() {
        Scenario first = ScenarioLoader.load(Path.of("rules/scenarios")).get(0);
        ProgressQuality quality = new ProgressQuality(ShippedRules.ruleSet());
        ProgressQuality.Row row = quality.run(List.of(first)).get(0);

        List<String> lines = quality.trace(first, 3).lines().toList();

        assertThat(lines.get(0)).startsWith("TRACE " + first.file().substring(first.file().lastIndexOf('/') + 1)
                + " settled " + row.decisive().settledAfter() + " of " + row.decisive().answers() + ":");
        assertThat(lines).hasSize(row.decisive().answers() + 1);
        assertThat(lines.get(1)).startsWith("   1 workload=").contains("| workload=");
        assertThat(lines.subList(1, lines.size())).as("the open questions it was chosen from, at most 3")
                .allSatisfy(l -> assertThat(l.substring(l.indexOf('|')).split("\\[s").length - 1).isBetween(1, 3));
    }

    @Test
    void theMedianOfAnEvenNumberOfFiguresIsTheMeanOfTheMiddleTwo() {
        assertThat(ProgressQuality.median(List.of(9, 1, 4, 6))).isEqualTo(5.0);
        assertThat(ProgressQuality.median(List.of(3, 1, 2))).isEqualTo(2.0);
    }
}
