package org.infraadvisor.bench;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetLoader;
import org.infraadvisor.progress.Assessment;
import org.infraadvisor.progress.Candidates;
import org.infraadvisor.progress.EngineOutcomes;
import org.infraadvisor.progress.ProgressiveAdvisor;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One turn of progressive advice — the preview plus the judging of every open question — for the answer set of
 * {@code bench/answers.json} after {@code answered} of its answers (asked in the advisor's order):
 * <ul>
 *   <li>{@code naive} — the full evaluation ({@link AdvisorEngine#evaluate}) of the preview and of every candidate
 *       answer (each option, each sample of a number) of every open question;</li>
 *   <li>{@code decisiveCold} — {@link ProgressiveAdvisor#assess} with its caches off: one evaluation per group of
 *       candidates that act alike, none for those that act like "unknown", only the headline rules fired;</li>
 *   <li>{@code decisiveCached} — the same with its caches on, the state seen before (what a repeated state costs);</li>
 *   <li>{@code evaluate} — one full evaluation, what the last turn of a conversation paid before previews;</li>
 *   <li>{@code headline} — one evaluation of the headline alone (no trace, only the rules that can change it).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ProgressBenchmark {

    @Param({"1", "4"})
    public int answered;

    private final AdvisorEngine engine = new AdvisorEngine(10_000);
    private RuleSet ruleSet;
    private Flow flow;
    private Map<String, Object> answers;
    private List<Map<String, Object>> naiveStates;
    private ProgressiveAdvisor cold;
    private ProgressiveAdvisor coldOneDeep;
    private ProgressiveAdvisor cached;
    private EngineOutcomes outcomes;

    @Setup
    public void load() {
        ruleSet = shippedRules();
        BenchInputs.AnswerSet set = BenchInputs.answerSet();
        flow = ruleSet.flow(set.flow()).orElseThrow();
        Map<String, Object> all = set.canonical(flow);
        cold = new ProgressiveAdvisor(engine, 0, 0);
        outcomes = new EngineOutcomes(engine);
        coldOneDeep = new ProgressiveAdvisor(outcomes, 0, 0, 0);
        cached = new ProgressiveAdvisor(engine, 50_000, 5_000);
        answers = new LinkedHashMap<>();
        for (int i = 0; i < answered; i++) {
            String next = cold.assess(ruleSet, flow, answers).next().orElseThrow().question().id();
            answers.put(next, all.getOrDefault(next, AnswerValues.UNKNOWN));
        }
        naiveStates = naiveStates(flow, answers);
        cached.assess(ruleSet, flow, answers);
    }

    private static RuleSet shipped;

    /** Compiled once per JVM: a fork measures one parameter, a smoke run in the test JVM all of them. */
    private static synchronized RuleSet shippedRules() {
        if (shipped == null) {
            shipped = RuleSetLoader.load(BenchInputs.rulesDir(), BenchInputs.conversationsDir());
        }
        return shipped;
    }

    /** The preview's answers and, for every open question, the answers with each of its candidates added. */
    static List<Map<String, Object>> naiveStates(Flow flow, Map<String, Object> answers) {
        DialogueState state = new DialogueState(flow, answers);
        List<Map<String, Object>> states = new ArrayList<>();
        states.add(state.effectiveAnswers());
        for (Question q : flow.questions()) {
            if (!state.isAsked(q.id()) || answers.containsKey(q.id())) {
                continue;
            }
            List<Object> values = Candidates.of(flow, q);
            for (Object v : values) {
                Map<String, Object> with = new LinkedHashMap<>(answers);
                with.put(q.id(), v);
                states.add(new DialogueState(flow, with).effectiveAnswers());
            }
        }
        return states;
    }

    @Benchmark
    public List<Advice> naive() {
        List<Advice> all = new ArrayList<>(naiveStates.size());
        for (Map<String, Object> s : naiveStates) {
            all.add(engine.evaluate(ruleSet, flow, s));
        }
        return all;
    }

    @Benchmark
    public Assessment decisiveCold() {
        return cold.assess(ruleSet, flow, answers);
    }

    /** The same search looking one answer ahead only ({@code advisor.progress.lookahead-partners: 0}). */
    @Benchmark
    public Assessment decisiveColdOneDeep() {
        return coldOneDeep.assess(ruleSet, flow, answers);
    }

    @Benchmark
    public Assessment decisiveCached() {
        return cached.assess(ruleSet, flow, answers);
    }

    @Benchmark
    public Advice evaluate() {
        return engine.evaluate(ruleSet, flow, answers);
    }

    /** One evaluation of the headline alone, as the advisor does for each group of candidates. */
    @Benchmark
    public Object headline() {
        return outcomes.outcome(ruleSet, flow, answers);
    }

    /** How many full evaluations {@link #naive} makes, and how many the advisor needed for the same turn. */
    String evaluationsPerTurn() {
        return "naive " + naiveStates.size() + ", decisive " + cold.assess(ruleSet, flow, answers).evaluations()
                + ", decisive one answer ahead " + coldOneDeep.assess(ruleSet, flow, answers).evaluations();
    }
}
