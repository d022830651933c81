package org.infraadvisor.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JMH benchmarks run and produce numbers: in this JVM (no fork), without warm-up, one short iteration each.
 * Only that they work is checked here; the figures come from {@code bench/run} (docs/benchmarks.md).
 */
class JmhSmokeTest {

    static {
        // JMH takes /tmp/jmh.lock for the whole run and refuses to start while another JMH (a benchmark, or this
        // test in another checkout's build) holds it: the smoke run measures nothing, so it need not wait its turn.
        // Read once, when JMH's Runner is first initialised, which is after this.
        System.setProperty("jmh.ignoreLock", "true");
    }

    static ChainedOptionsBuilder quick(String include) {
        return new OptionsBuilder().include(include).forks(0).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200)).shouldFailOnError(true).verbosity(VerboseMode.SILENT);
    }

    @Test
    void evaluationBenchmarksProduceTimes() throws RunnerException {
        Collection<RunResult> results = new Runner(quick(EvaluationBenchmark.class.getName()).build()).run();

        assertThat(results).extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""))
                .containsExactlyInAnyOrder("evaluate", "sessionOnly", "sessionFireOnly");
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void ruleScaleBenchmarkBuildsAndEvaluatesAGeneratedRuleSet() throws RunnerException {
        Collection<RunResult> results = new Runner(quick(RuleScaleBenchmark.class.getName())
                .param("rules", "100").param("firing", "FIXED").build()).run();

        assertThat(results).singleElement().satisfies(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void reloadBenchmarkTimesALoad() throws RunnerException {
        Collection<RunResult> results = new Runner(quick(RuleSetLoadBenchmark.class.getName()).build()).run();

        assertThat(results).singleElement().satisfies(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }

    @Test
    void progressBenchmarksProduceTimes() throws RunnerException {
        Collection<RunResult> results = new Runner(quick(ProgressBenchmark.class.getName()).param("answered", "4").build()).run();

        assertThat(results).extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""))
                .containsExactlyInAnyOrder("naive", "decisiveCold", "decisiveColdOneDeep", "decisiveCached", "evaluate", "headline");
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
