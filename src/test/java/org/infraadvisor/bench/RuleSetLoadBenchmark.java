package org.infraadvisor.bench;

import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Compiling the shipped rules, catalogue and flows into a {@link RuleSet} in a JVM that has compiled them
 * before: what a hot reload of unchanged-size rules costs before the swap.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RuleSetLoadBenchmark {

    @Benchmark
    public RuleSet load() {
        return RuleSetLoader.load(BenchInputs.rulesDir(), BenchInputs.conversationsDir());
    }
}
