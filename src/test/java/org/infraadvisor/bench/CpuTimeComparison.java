package org.infraadvisor.bench;

import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetLoader;
import org.infraadvisor.facts.Answer;
import org.kie.api.runtime.KieSession;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ratios of the evaluation and scale targets, measured so that other load on a shared machine cancels out:
 * the operations run in one thread, interleaved round by round (A, B, C, A, B, C, …), and each is charged the
 * thread's CPU time, not wall time. JMH's wall-clock figures ({@code bench/run evaluation}, {@code bench/run scale})
 * are the standard ones; on a busy machine they mostly measure the queue for a core.
 * <p>
 * {@code evaluation}: evaluate vs. bare session creation on the shipped rules. {@code scale}: evaluation of
 * generated rule sets of 100, 1,000 and 10,000 rules ({@link RuleGenerator.Firing#FIXED}). {@code progress}: one turn
 * of progressive advice, naive and the advisor's ({@link ProgressBenchmark}; {@code --answered 1}).
 * Options: {@code --rounds 15 --ops 2000 --warmup-ops 20000}.
 */
public final class CpuTimeComparison {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "evaluation";
        BenchArgs a = BenchArgs.parse(java.util.Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        int rounds = a.getInt("rounds", 15);
        int ops = a.getInt("ops", 2000);
        int warmupOps = a.getInt("warmup-ops", 20_000);
        Map<String, Runnable> operations = switch (what) {
            case "scale" -> scale();
            case "progress" -> progress(a.getInt("answered", 1));
            default -> evaluation();
        };
        System.out.println("machine: " + Machine.summary());
        System.out.print(report(compare(operations, rounds, ops, warmupOps)));
    }

    static Map<String, Runnable> evaluation() {
        RuleSet ruleSet = RuleSetLoader.load(BenchInputs.rulesDir(), BenchInputs.conversationsDir());
        BenchInputs.AnswerSet set = BenchInputs.answerSet();
        Flow flow = ruleSet.flow(set.flow()).orElseThrow();
        Map<String, Object> answers = set.canonical(flow);
        List<Answer> facts = AdvisorEngine.facts(flow, answers);
        AdvisorEngine engine = new AdvisorEngine(10_000);
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("sessionOnly", () -> ruleSet.kieBase().newKieSession().dispose());
        ops.put("sessionFireOnly", () -> {
            KieSession session = ruleSet.kieBase().newKieSession();
            facts.forEach(session::insert);
            ruleSet.accelerators().forEach(session::insert);
            ruleSet.assumptions().forEach(session::insert);
            AdvisorEngine.focusPhases(session, ruleSet.phases());
            session.fireAllRules(10_000);
            session.dispose();
        });
        ops.put("evaluate", () -> engine.evaluate(ruleSet, flow, answers));
        return ops;
    }

    /** One turn of progressive advice after {@code answered} answers: naive search, the advisor without and with caches. */
    static Map<String, Runnable> progress(int answered) {
        ProgressBenchmark b = new ProgressBenchmark();
        b.answered = answered;
        b.load();
        System.out.println("evaluations per turn after " + answered + " answer(s): " + b.evaluationsPerTurn());
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("evaluate", b::evaluate);
        ops.put("headline", b::headline);
        ops.put("naive turn", b::naive);
        ops.put("decisive turn, cold", b::decisiveCold);
        ops.put("decisive turn, cold, one answer ahead", b::decisiveColdOneDeep);
        ops.put("decisive turn, cached", b::decisiveCached);
        return ops;
    }

    static Map<String, Runnable> scale() {
        RuleSet shipped = RuleSetLoader.load(BenchInputs.rulesDir(), BenchInputs.conversationsDir());
        BenchInputs.AnswerSet set = BenchInputs.answerSet();
        Flow flow = shipped.flow(set.flow()).orElseThrow();
        Map<String, Object> answers = set.canonical(flow);
        AdvisorEngine engine = new AdvisorEngine(1_000_000);
        Map<String, Runnable> ops = new LinkedHashMap<>();
        for (int rules : new int[]{100, 1000, 10_000}) {
            Path dir = Path.of("target", "bench", "scale-cpu", String.valueOf(rules), "rules").toAbsolutePath();
            new RuleGenerator(flow, answers).write(dir, BenchInputs.rulesDir(), rules, RuleGenerator.Firing.FIXED);
            // the cache makes a second run of this harness skip the compile
            RuleSet ruleSet = RuleSetLoader.load(dir, BenchInputs.conversationsDir(), dir.resolveSibling("kiebase-cache"));
            ops.put("evaluate " + rules + " rules", () -> engine.evaluate(ruleSet, flow, answers));
        }
        return ops;
    }

    /** CPU nanoseconds per operation, one sample per round. */
    static Map<String, List<Long>> compare(Map<String, Runnable> operations, int rounds, int ops, int warmupOps) {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        operations.values().forEach(op -> {
            for (int i = 0; i < warmupOps; i++) {
                op.run();
            }
        });
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Runnable> op : operations.entrySet()) {
                long start = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    op.getValue().run();
                }
                samples.computeIfAbsent(op.getKey(), k -> new ArrayList<>()).add((THREADS.getCurrentThreadCpuTime() - start) / ops);
            }
        }
        return samples;
    }

    static String report(Map<String, List<Long>> samples) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-24s %14s %14s %10s%n", "operation",
                "median µs cpu", "min µs cpu", "× first"));
        double first = Double.NaN;
        for (Map.Entry<String, List<Long>> e : samples.entrySet()) {
            List<Long> sorted = new ArrayList<>(e.getValue());
            Collections.sort(sorted);
            double median = sorted.get(sorted.size() / 2) / 1000.0;
            if (Double.isNaN(first)) {
                first = median;
            }
            s.append(String.format(Locale.ROOT, "%-24s %14.1f %14.1f %10.2f%n", e.getKey(), median, sorted.get(0) / 1000.0, median / first));
        }
        return s.toString();
    }
}
