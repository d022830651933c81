package org.infraadvisor.engine;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.facts.AcceleratorChoice;
import org.infraadvisor.facts.Answer;
import org.infraadvisor.facts.AssumptionReads;
import org.infraadvisor.facts.StrategyChoice;
import org.kie.api.KieBase;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns answers into facts, fires the rules of a {@link RuleSet} in a clean session (pooled; always disposed, which
 * resets it), and collects what the rules concluded. Holds no advice of its own.
 */
@Singleton
public class AdvisorEngine {

    private final int maxFirings;
    private final EvaluationSlots slots;
    private final SessionPools sessions = new SessionPools();
    private final HeadlineBases headlineBases = new HeadlineBases();
    private final SessionPools headlineSessions = new SessionPools();

    /** At most as many evaluations at once as there are cores. */
    public AdvisorEngine(int maxFirings) {
        this(maxFirings, 0);
    }

    /** {@code concurrentEvaluations}: how many evaluations may run at once; 0 or less: as many as there are cores. */
    @Inject
    public AdvisorEngine(@Value("${advisor.rules.max-firings:10000}") int maxFirings,
                         @Value("${advisor.rules.concurrent-evaluations:0}") int concurrentEvaluations) {
        this.maxFirings = maxFirings;
        this.slots = new EvaluationSlots(concurrentEvaluations > 0 ? concurrentEvaluations : Runtime.getRuntime().availableProcessors());
    }

    /** A rule set that keeps firing (e.g. a rule that modifies what it matches) is stopped and reported. */
    public static class RuleLoopException extends RuntimeException {
        public RuleLoopException(String message) {
            super(message);
        }
    }

    /** Evaluates the answers of a flow; questions without an answer count as unknown, skipped ones as not asked. */
    public Advice evaluate(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        return run(ruleSet, flow, answers, false).advice();
    }

    /**
     * Like {@link #evaluate} but also hands back what explanations and checks need: the answer facts, every
     * fact left in the session and the trace of firings.
     */
    public Evaluation evaluateInDetail(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        return run(ruleSet, flow, answers, true);
    }

    private Evaluation run(RuleSet ruleSet, Flow flow, Map<String, Object> answers, boolean keepFacts) {
        return slots.run(() -> runNow(ruleSet, flow, answers, keepFacts));
    }

    private Evaluation runNow(RuleSet ruleSet, Flow flow, Map<String, Object> answers, boolean keepFacts) {
        List<Answer> facts = facts(flow, answers);
        KieSession session = sessions.newSession(ruleSet.kieBase());
        Trace trace = new Trace();
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) trace);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) trace); // it also learns the catalogue's assumptions
            prepare(session, ruleSet, facts);
            int fired = session.fireAllRules(maxFirings);
            if (fired >= maxFirings) {
                throw new RuleLoopException("rules fired %d times without settling; a rule probably re-triggers itself (last: %s)"
                        .formatted(fired, trace.firings().get(trace.firings().size() - 1).rule()));
            }
            Advice advice = new AdviceAssembler(ruleSet, flow, trace, facts, answers).assemble(session);
            return new Evaluation(advice, facts, keepFacts ? factsInOrder(session, ruleSet, facts, trace) : List.of(), trace, ruleSet, flow);
        } finally {
            AssumptionReads.end(); // a consequence that threw left its record open
            session.dispose();
        }
    }

    /**
     * Every fact left in the session, in the order it was inserted: the answers, the catalogue, then what each firing
     * concluded. (The session's own order follows its hash tables, which differs from run to run.)
     */
    private static List<Object> factsInOrder(KieSession session, RuleSet ruleSet, List<Answer> answers, Trace trace) {
        Set<Object> left = Collections.newSetFromMap(new IdentityHashMap<>());
        left.addAll(session.getObjects());
        List<Object> ordered = new ArrayList<>(left.size());
        List<List<?>> inserted = new ArrayList<>();
        inserted.add(answers);
        inserted.add(ruleSet.accelerators());
        inserted.add(ruleSet.assumptions());
        trace.firings().forEach(f -> inserted.add(f.concluded()));
        for (List<?> facts : inserted) {
            for (Object fact : facts) {
                if (left.remove(fact)) {
                    ordered.add(fact);
                }
            }
        }
        ordered.addAll(left); // inserted outside the engine and the rules: none today
        return List.copyOf(ordered);
    }

    /**
     * Only the head of the advice (strategy and ranked accelerators) for the answers, without trace or assembly,
     * firing only the rules named in {@code fires}: for searches that compare many evaluations; a rule that cannot
     * change the headline may be left out. The others are left out of the network evaluated too, once a copy of the
     * rule set without them is ready ({@link HeadlineBases}); until then they are matched but do not fire.
     */
    public Headline headline(RuleSet ruleSet, Flow flow, Map<String, Object> answers, Set<String> fires) {
        return slots.run(() -> headlineNow(ruleSet, flow, answers, fires));
    }

    /**
     * Waits until headline evaluations of the rule set run on a KieBase of only the rules {@code fires} names (it is
     * made in the background after the first such evaluation); false when it cannot be made. For tests and benchmarks
     * that check or measure that path.
     */
    public boolean awaitHeadlineRules(RuleSet ruleSet, Set<String> fires) {
        return headlineBases.await(ruleSet, fires);
    }

    private Headline headlineNow(RuleSet ruleSet, Flow flow, Map<String, Object> answers, Set<String> fires) {
        KieBase reduced = headlineBases.reduced(ruleSet, fires);
        KieSession session = reduced != null ? headlineSessions.newSession(reduced) : sessions.newSession(ruleSet.kieBase());
        try {
            prepare(session, ruleSet, facts(flow, answers));
            int fired = session.fireAllRules(match -> fires.contains(match.getRule().getName()), maxFirings);
            if (fired >= maxFirings) {
                throw new RuleLoopException("rules fired %d times without settling; a rule probably re-triggers itself".formatted(fired));
            }
            return Headline.of(facts(session, StrategyChoice.class), facts(session, AcceleratorChoice.class));
        } finally {
            AssumptionReads.end(); // a consequence that threw left its record open
            session.dispose();
        }
    }

    /** What every evaluation starts from: the answers and the catalogue, and the phases focused in order. */
    private static void prepare(KieSession session, RuleSet ruleSet, List<Answer> answers) {
        answers.forEach(session::insert);
        ruleSet.accelerators().forEach(session::insert);
        ruleSet.assumptions().forEach(session::insert);
        focusPhases(session, ruleSet.phases());
    }

    private static <T> List<T> facts(KieSession session, Class<T> type) {
        return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
    }

    /**
     * Rules run phase by phase (agenda groups) in the order the rule set declares ({@code rules/phases.yaml}): the
     * first phase is focused first, so it goes on top of the focus stack. (Public for the benchmarks, which fire
     * a bare session the same way.)
     */
    public static void focusPhases(KieSession session, List<String> phases) {
        for (int i = phases.size() - 1; i >= 0; i--) {
            org.kie.api.runtime.rule.AgendaGroup group = session.getAgenda().getAgendaGroup(phases.get(i));
            if (group != null) { // a declared phase no rule uses has no agenda group
                group.setFocus();
            }
        }
    }

    /** One Answer fact per question of the flow. */
    public static List<Answer> facts(Flow flow, Map<String, Object> answers) {
        DialogueState state = new DialogueState(flow, answers);
        List<Answer> facts = new ArrayList<>(flow.questions().size());
        for (Question q : flow.questions()) {
            Object value = answers.get(q.id());
            double weight = q.importance();
            String why = q.why();
            if (!state.isAsked(q.id())) {
                facts.add(new Answer(q.id(), Answer.NOT_ASKED, Double.NaN, List.of(), weight, why, q.text()));
            } else if (value == null || AnswerValues.UNKNOWN.equals(value)) {
                facts.add(new Answer(q.id(), Answer.UNKNOWN, Double.NaN, List.of(), weight, why, q.text()));
            } else if (value instanceof Number n) {
                facts.add(new Answer(q.id(), AnswerValues.format(n.doubleValue()), n.doubleValue(), List.of(), weight, why, q.text()));
            } else if (value instanceof List<?> list) {
                List<String> values = list.stream().map(String::valueOf).toList();
                facts.add(new Answer(q.id(), String.join(",", values), Double.NaN, values, weight, why, q.text()));
            } else {
                facts.add(new Answer(q.id(), String.valueOf(value), Double.NaN, List.of(String.valueOf(value)), weight, why, q.text()));
            }
        }
        return facts;
    }
}
