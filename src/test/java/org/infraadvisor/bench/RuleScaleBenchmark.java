package org.infraadvisor.bench;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How cost grows with the size of the knowledge base: a generated rule set ({@link RuleGenerator}) of
 * {@code rules} rules is built in a fresh JVM (each parameter combination is its own fork), then evaluated for
 * the realistic answer set. Build time (compiling, plus writing the KieBase cache entry), the time to load the
 * same rules again from that cache (what a restart costs), retained heap and the number of rules that fired are
 * printed by the setup as a {@code SCALE} line; evaluation time is the benchmark's score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RuleScaleBenchmark {

    @Param({"100", "1000", "10000"})
    public int rules;

    @Param({"FIXED", "PROPORTIONAL"})
    public RuleGenerator.Firing firing;

    private RuleSet ruleSet;
    private Flow flow;
    private Map<String, Object> answers;
    private final AdvisorEngine engine = new AdvisorEngine(1_000_000);

    @Setup
    public void build() {
        RuleSet shipped = RuleSetLoader.load(BenchInputs.rulesDir(), BenchInputs.conversationsDir());
        BenchInputs.AnswerSet set = BenchInputs.answerSet();
        flow = shipped.flow(set.flow()).orElseThrow();
        answers = set.canonical(flow);
        Path dir = Path.of("target", "bench", "scale", rules + "-" + firing, "rules").toAbsolutePath();
        new RuleGenerator(flow, answers).write(dir, BenchInputs.rulesDir(), rules, firing);
        shipped = null;

        Path cache = dir.resolveSibling("kiebase-cache");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = settledHeap(memory);
        long start = System.nanoTime();
        ruleSet = RuleSetLoader.load(dir, BenchInputs.conversationsDir(), cache);
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        long heapAfter = settledHeap(memory);
        start = System.nanoTime();
        RuleSet restored = RuleSetLoader.load(dir, BenchInputs.conversationsDir(), cache);
        long restoreMs = (System.nanoTime() - start) / 1_000_000;
        if (!restored.rules().equals(ruleSet.rules())) {
            throw new IllegalStateException("the cached rule set differs from the compiled one");
        }
        restored = null;

        var sample = engine.evaluateInDetail(ruleSet, flow, answers);
        if (ruleSet.rules().size() != rules || sample.advice().strategy() == null) {
            throw new IllegalStateException("generated %d rules instead of %d, or no strategy".formatted(ruleSet.rules().size(), rules));
        }
        System.out.printf(Locale.ROOT, "%nSCALE rules=%d firing=%s buildMs=%d restoreMs=%d heapMb=%.1f rulesFired=%d%n",
                rules, firing, buildMs, restoreMs, (heapAfter - heapBefore) / 1048576.0, sample.firedRules().size());
    }

    private static long settledHeap(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Benchmark
    public Advice evaluate() {
        return engine.evaluate(ruleSet, flow, answers);
    }
}
