package org.infraadvisor.bench;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetLoader;
import org.infraadvisor.facts.Answer;
import org.kie.api.runtime.KieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Evaluation of the shipped knowledge base for the realistic answer set ({@code bench/answers.json}) through
 * {@link AdvisorEngine#evaluate}, against the bare cost of a session on the same KieBase.
 * <ul>
 *   <li>{@code evaluate} — what every finished conversation and {@code POST /api/evaluate} pays;</li>
 *   <li>{@code sessionOnly} — new KieSession + dispose: the baseline of the target (evaluate ≤ 2 × this);</li>
 *   <li>{@code sessionFireOnly} — session + the same facts + the phases focused + fireAllRules, without tracing
 *       and assembly: splits evaluate into Drools' part and ours (without the phases focused only the rules outside
 *       every phase would fire).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EvaluationBenchmark {

    private RuleSet ruleSet;
    private Flow flow;
    private Map<String, Object> answers;
    private List<Answer> facts;
    private final AdvisorEngine engine = new AdvisorEngine(10_000);

    @Setup
    public void load() {
        ruleSet = RuleSetLoader.load(BenchInputs.rulesDir(), BenchInputs.conversationsDir());
        BenchInputs.AnswerSet set = BenchInputs.answerSet();
        flow = ruleSet.flow(set.flow()).orElseThrow();
        answers = set.canonical(flow);
        facts = AdvisorEngine.facts(flow, answers);
        Advice sample = evaluate();
        if (sample.strategy() == null) {
            throw new IllegalStateException("the answer set gives no strategy: the benchmark would not measure real work");
        }
    }

    @Benchmark
    public Advice evaluate() {
        return engine.evaluate(ruleSet, flow, answers);
    }

    @Benchmark
    public void sessionOnly() {
        KieSession session = ruleSet.kieBase().newKieSession();
        session.dispose();
    }

    @Benchmark
    public int sessionFireOnly() {
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            facts.forEach(session::insert);
            ruleSet.accelerators().forEach(session::insert);
            ruleSet.assumptions().forEach(session::insert);
            AdvisorEngine.focusPhases(session, ruleSet.phases());
            return session.fireAllRules(10_000);
        } finally {
            session.dispose();
        }
    }
}
