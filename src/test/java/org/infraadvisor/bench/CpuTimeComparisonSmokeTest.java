package org.infraadvisor.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CPU-time comparison runs its operations interleaved and reports a figure for each (not judged here). */
class CpuTimeComparisonSmokeTest {

    @Test
    void evaluationComparisonProducesCpuTimes() {
        Map<String, List<Long>> samples = CpuTimeComparison.compare(CpuTimeComparison.evaluation(), 2, 20, 20);

        assertThat(samples).containsOnlyKeys("sessionOnly", "sessionFireOnly", "evaluate");
        assertThat(samples.values()).allSatisfy(s -> assertThat(s).hasSize(2).allSatisfy(ns -> assertThat(ns).isPositive()));
        assertThat(CpuTimeComparison.report(samples)).contains("evaluate", "× first");
    }

    @Test
    void progressComparisonProducesCpuTimes() {
        Map<String, List<Long>> samples = CpuTimeComparison.compare(CpuTimeComparison.progress(1), 1, 1, 0);

        assertThat(samples).containsOnlyKeys("evaluate", "headline", "naive turn", "decisive turn, cold",
                "decisive turn, cold, one answer ahead", "decisive turn, cached");
        assertThat(samples.values()).allSatisfy(s -> assertThat(s).singleElement().satisfies(ns -> assertThat(ns).isPositive()));
    }
}
