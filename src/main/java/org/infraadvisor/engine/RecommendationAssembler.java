package org.infraadvisor.engine;

import org.infraadvisor.advice.Recommendation;
import org.infraadvisor.advice.Recommendation.Because;
import org.infraadvisor.advice.Recommendation.Reasons;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.facts.AcceleratorChoice;
import org.infraadvisor.facts.Answer;
import org.infraadvisor.facts.CostEstimate;
import org.infraadvisor.facts.FollowUp;
import org.infraadvisor.facts.PlanStep;
import org.infraadvisor.facts.Readiness;
import org.infraadvisor.facts.Risk;
import org.infraadvisor.facts.Sizing;
import org.infraadvisor.facts.StrategyChoice;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Collects the result facts of a session into a {@link Recommendation}, each with the rules and answers behind it. */
final class RecommendationAssembler {

    private static final Map<String, Integer> SEVERITY = Map.of("high", 0, "medium", 1, "low", 2);

    private final RuleSet ruleSet;
    private final Flow flow;
    private final Trace trace;
    private final Map<String, Integer> questionOrder = new LinkedHashMap<>();
    private final Map<String, Question> questions;
    // the same answers stand behind many conclusions: describe each once per evaluation
    private final Map<Answer, Because> becauseOf = new IdentityHashMap<>();

    RecommendationAssembler(RuleSet ruleSet, Flow flow, Trace trace) {
        this.ruleSet = ruleSet;
        this.flow = flow;
        this.trace = trace;
        flow.questions().forEach(q -> questionOrder.put(q.id(), questionOrder.size()));
        this.questions = flow.questionsById();
    }

    Recommendation assemble(KieSession session) {
        StrategyChoice choice = Headline.chosen(all(session, StrategyChoice.class));
        var accelerators = all(session, AcceleratorChoice.class).stream().sorted(Headline.RANKING)
                .map(a -> new Recommendation.AcceleratorAdvice(a.getVendor(), a.getModel(), a.getCount(), a.getScore(),
                        a.getReason(), reasons(a))).toList();
        var risks = all(session, Risk.class).stream()
                .sorted(Comparator.comparing((Risk r) -> SEVERITY.getOrDefault(r.getSeverity(), 3)).thenComparing(Risk::getTitle))
                .map(r -> new Recommendation.RiskAdvice(r.getSeverity(), r.getTitle(), r.getDetail(), reasons(r))).toList();
        var readiness = all(session, Readiness.class).stream()
                .map(r -> new Recommendation.ReadinessAdvice(r.getPillar(), r.getStatus(), r.getReason(), reasons(r))).toList();
        var plan = all(session, PlanStep.class).stream()
                .sorted(Comparator.comparingInt(PlanStep::getOrder).thenComparing(PlanStep::getTitle))
                .map(p -> new Recommendation.PlanAdvice(p.getOrder(), p.getTitle(), p.getDetail(), reasons(p))).toList();
        var sizing = all(session, Sizing.class).stream().sorted(Comparator.comparing(Sizing::getName))
                .map(s -> new Recommendation.SizingAdvice(s.getName(), s.getValue(), s.getUnit(), s.getFormula(), reasons(s))).toList();
        var costs = all(session, CostEstimate.class).stream()
                .sorted(Comparator.comparing(CostEstimate::getStrategy))
                .map(c -> new Recommendation.CostAdvice(c.getStrategy(), c.getTotalUsd(), c.getBreakdown(), reasons(c))).toList();
        var followUps = all(session, FollowUp.class).stream().sorted(Comparator.comparing(FollowUp::getQuestion))
                .map(f -> new Recommendation.FollowUpAdvice(f.getQuestion(), questions.containsKey(f.getQuestion()) ? questions.get(f.getQuestion()).text() : null, f.getWhy()))
                .toList();
        var assumptions = trace.assumptionsUsed().stream().sorted(Comparator.comparing(org.infraadvisor.facts.Assumption::getKey))
                .map(a -> new Recommendation.AssumptionUsed(a.getKey(), a.getValue(), a.getUnit(), a.getSource(), a.isConfirmed()))
                .toList();
        return new Recommendation(choice == null ? null : choice.getStrategy(), choice == null ? 0 : choice.getConfidence(),
                choice == null ? null : choice.getSummary(), accelerators, risks, sortReadiness(readiness), plan, sizing, costs,
                followUps, assumptions, choice == null ? null : reasons(choice), explanation(), ruleSet.version());
    }

    private static List<Recommendation.ReadinessAdvice> sortReadiness(List<Recommendation.ReadinessAdvice> readiness) {
        List<String> order = List.of("compute", "networking", "storage", "data-pipelines", "security", "observability", "operations");
        return readiness.stream().sorted(Comparator.comparingInt((Recommendation.ReadinessAdvice r) -> {
            int i = order.indexOf(r.pillar());
            return i < 0 ? order.size() : i;
        }).thenComparing(Recommendation.ReadinessAdvice::pillar)).toList();
    }

    /** One step per rule that fired, in order of first firing, merging what its firings matched and concluded. */
    private List<Recommendation.ExplanationStep> explanation() {
        Map<String, Set<Answer>> because = new LinkedHashMap<>();
        Map<String, Set<String>> concluded = new LinkedHashMap<>();
        for (Trace.Firing f : trace.firings()) {
            because.computeIfAbsent(f.rule(), r -> new LinkedHashSet<>()).addAll(f.support().answers());
            Set<String> c = concluded.computeIfAbsent(f.rule(), r -> new LinkedHashSet<>());
            f.concluded().forEach(o -> c.add(o.toString()));
        }
        List<Recommendation.ExplanationStep> steps = new ArrayList<>();
        for (String rule : because.keySet()) {
            RuleSet.RuleInfo info = ruleSet.rules().get(rule);
            steps.add(new Recommendation.ExplanationStep(rule, info == null ? null : info.description(),
                    info == null ? null : info.rationale(), because(because.get(rule)), List.copyOf(concluded.get(rule))));
        }
        return steps;
    }

    private Reasons reasons(Object fact) {
        Trace.Support support = trace.supportOf(fact);
        return new Reasons(List.copyOf(support.rules()), because(support.answers()));
    }

    private List<Because> because(Collection<Answer> answers) {
        return answers.stream().filter(Answer::isAsked)
                .sorted(Comparator.comparingInt(a -> questionOrder.getOrDefault(a.getQuestion(), Integer.MAX_VALUE)))
                .map(a -> becauseOf.computeIfAbsent(a, this::because)).toList();
    }

    private Because because(Answer a) {
        return AnswerLabels.because(flow, a);
    }

    private static <T> List<T> all(KieSession session, Class<T> type) {
        Function<Object, T> cast = type::cast;
        return session.getObjects(new ClassObjectFilter(type)).stream().map(cast).toList();
    }
}
