package org.infraadvisor.engine;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.advice.Advice.Reasons;
import org.infraadvisor.advice.Advice.RuleRef;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.facts.AcceleratorChoice;
import org.infraadvisor.facts.Answer;
import org.infraadvisor.facts.CostEstimate;
import org.infraadvisor.facts.FollowUp;
import org.infraadvisor.facts.PlanStep;
import org.infraadvisor.facts.Readiness;
import org.infraadvisor.facts.Risk;
import org.infraadvisor.facts.Sizing;
import org.infraadvisor.facts.StrategyChoice;
import org.infraadvisor.facts.StrategyVote;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the result facts of a session into an {@link Advice}. Each item's reasons are the rules that concluded or
 * scored it (the firings that inserted or changed it) and the answers behind them, followed through the derived facts;
 * the chain they share (the rules that derived those facts, and the strategy choice every later item builds on) is not
 * repeated in them. A strategy reached by adding up votes is explained by the votes for it.
 */
final class AdviceAssembler {

    /** The fact type (declared in rules/derived-facts.drl) by which a rule sets a requirement that decides the strategy. */
    private static final String HARD_CONSTRAINT_PACKAGE = "rules";
    private static final String HARD_CONSTRAINT = "HardConstraint";
    private static final Map<String, Integer> SEVERITY = Map.of("high", 0, "medium", 1, "low", 2);
    private static final List<String> PILLARS = List.of("compute", "networking", "storage", "data-pipelines", "security",
            "observability", "operations");

    private final RuleSet ruleSet;
    private final Trace trace;
    private final List<Answer> answers;
    private final Map<String, Object> given;
    private final Map<String, Integer> questionOrder = new HashMap<>();
    private final List<String> questions = new ArrayList<>();
    private final Map<String, RuleRef> cited = new LinkedHashMap<>();
    // the catalogue figures the advice shown rests on, gathered while the items' reasons are worked out
    private final Trace.Gathered assumptionsBehindItems;
    // the hard constraint the strategy choice matched, found while the strategy's reasons are worked out
    private Advice.Constraint constraint;

    /**
     * @param answers the answer facts the rules saw
     * @param given   the canonical answer values they were made from
     */
    AdviceAssembler(RuleSet ruleSet, Flow flow, Trace trace, List<Answer> answers, Map<String, Object> given) {
        this.ruleSet = ruleSet;
        this.trace = trace;
        this.answers = answers;
        this.given = given;
        this.assumptionsBehindItems = trace.gather();
        flow.questions().forEach(q -> {
            questionOrder.putIfAbsent(q.id(), questions.size());
            questions.add(q.id());
        });
    }

    Advice assemble(KieSession session) {
        StrategyChoice choice = Headline.chosen(all(session, StrategyChoice.class));
        List<StrategyVote> strategyVotes = trace.firings().stream().flatMap(f -> f.concluded().stream())
                .filter(StrategyVote.class::isInstance).map(StrategyVote.class::cast).toList();
        var accelerators = all(session, AcceleratorChoice.class).stream().sorted(Headline.RANKING)
                .map(a -> new Advice.Accelerator(a.getVendor(), a.getModel(), a.getCount(), a.getScore(), a.getReason(), reasons(a)))
                .toList();
        var risks = all(session, Risk.class).stream()
                .sorted(Comparator.comparing((Risk r) -> SEVERITY.getOrDefault(r.getSeverity(), 3)).thenComparing(Risk::getTitle))
                .map(r -> new Advice.Risk(r.getSeverity(), r.getTitle(), r.getDetail(), reasons(r))).toList();
        var readiness = all(session, Readiness.class).stream()
                .sorted(Comparator.comparingInt((Readiness r) -> pillarOrder(r.getPillar())).thenComparing(Readiness::getPillar))
                .map(r -> new Advice.Readiness(r.getPillar(), r.getStatus(), r.getReason(), reasons(r))).toList();
        var plan = all(session, PlanStep.class).stream()
                .sorted(Comparator.comparingInt(PlanStep::getOrder).thenComparing(PlanStep::getTitle))
                .map(p -> new Advice.PlanStep(p.getOrder(), p.getTitle(), p.getDetail(), reasons(p))).toList();
        var sizing = all(session, Sizing.class).stream().sorted(Comparator.comparing(Sizing::getName))
                .map(s -> new Advice.Sizing(s.getName(), s.getValue(), s.getUnit(), s.getFormula(), reasons(s))).toList();
        var costs = all(session, CostEstimate.class).stream().sorted(Comparator.comparing(CostEstimate::getStrategy))
                .map(c -> new Advice.Cost(c.getStrategy(), c.getTotalUsd(), c.getBreakdown(), reasons(c))).toList();
        var followUps = all(session, FollowUp.class).stream().sorted(Comparator.comparing(FollowUp::getQuestion))
                .map(f -> new Advice.FollowUp(f.getQuestion(), f.getWhy())).toList();
        Reasons strategyReasons = choice == null ? null : strategyReasons(choice, strategyVotes);
        List<Advice.Vote> votes = strategyVotes.stream().map(this::vote).toList();
        var assumptions = assumptionsBehindItems.toBehind().assumptions().stream()
                .sorted(Comparator.comparing(org.infraadvisor.facts.Assumption::getKey))
                .map(a -> new Advice.Assumption(a.getKey(), a.getLabel(), a.getValue(), a.getUnit(), a.getSource(), a.isConfirmed()))
                .toList();
        return new Advice(choice == null ? null : choice.getStrategy(), choice == null ? 0 : choice.getConfidence(),
                choice == null ? null : choice.getSummary(), accelerators, risks, readiness, plan, sizing, costs, followUps,
                assumptions, strategyReasons, votes, constraint, Collections.unmodifiableMap(answerValues()),
                Collections.unmodifiableMap(new LinkedHashMap<>(cited)), ruleSet.version());
    }

    /** The rules that concluded an item (inserted or changed it), and the answers behind them through derived facts. */
    private Reasons reasons(Object fact) {
        List<Trace.Firing> concluding = trace.concluding(fact);
        if (concluding.isEmpty()) {
            return Reasons.NONE;
        }
        Set<String> rules = new LinkedHashSet<>();
        Trace.Gathered gathered = trace.gather();
        for (Trace.Firing f : concluding) {
            rules.add(f.rule());
            trace.behindFiring(f, gathered);
        }
        Trace.Behind behind = gathered.toBehind();
        assumptionsBehindItems.addAssumptions(behind);
        return new Reasons(cite(rules), questionIds(behind.answers()));
    }

    /**
     * The strategy's reasons: the rule that concluded it and those that derived what it weighed (a hard constraint,
     * the share of answers known); and when it was chosen by adding up votes, instead of the tally, the rules of the
     * votes for it, with the answers behind each.
     */
    private Reasons strategyReasons(StrategyChoice choice, List<StrategyVote> votes) {
        Set<String> rules = new LinkedHashSet<>();
        Trace.Gathered gathered = trace.gather();
        boolean byVotes = false;
        for (Trace.Firing f : trace.concluding(choice)) {
            rules.add(f.rule());
            trace.behindFiring(f, gathered);
            byVotes |= tallies(f);
            for (Object matched : f.matched()) {
                if (Trace.isDerived(matched)) {
                    for (Trace.Firing g : trace.concluding(matched)) {
                        if (tallies(g)) {
                            byVotes = true;
                        } else {
                            rules.add(g.rule());
                            constraint = constraint != null ? constraint : constraint(matched, g);
                        }
                    }
                }
            }
        }
        if (byVotes) {
            for (StrategyVote v : votes) {
                if (v.getStrategy().equals(choice.getStrategy()) && v.getWeight() != 0) {
                    trace.firingThatInserted(v).ifPresent(f -> rules.add(f.rule()));
                    gathered.add(trace.behind(v));
                }
            }
        }
        Trace.Behind behind = gathered.toBehind();
        assumptionsBehindItems.addAssumptions(behind);
        return new Reasons(cite(rules), questionIds(behind.answers()));
    }

    /** The hard constraint a decision matched (the knowledge base's declared {@code HardConstraint}), or null for another fact. */
    private Advice.Constraint constraint(Object fact, Trace.Firing setBy) {
        FactType type = ruleSet.kieBase().getFactType(HARD_CONSTRAINT_PACKAGE, HARD_CONSTRAINT);
        if (type == null || !type.getFactClass().isInstance(fact)) {
            return null;
        }
        return new Advice.Constraint(String.valueOf(type.get(fact, "strategy")), ruleId(setBy.rule()),
                String.valueOf(type.get(fact, "reason")), questionIds(trace.answersBehind(fact)));
    }

    private boolean tallies(Trace.Firing f) {
        RuleSet.RuleInfo info = ruleSet.rules().get(f.rule());
        return info != null && info.talliesVotes();
    }

    private Advice.Vote vote(StrategyVote v) {
        String rule = trace.firingThatInserted(v).map(f -> ruleId(f.rule())).orElse(null);
        Trace.Behind behind = trace.behind(v);
        assumptionsBehindItems.addAssumptions(behind);
        return new Advice.Vote(v.getStrategy(), v.getWeight(), rule, v.getReason(), questionIds(behind.answers()));
    }

    /** Rule names to ids, remembering each rule the advice cites. */
    private List<String> cite(Collection<String> ruleNames) {
        List<String> ids = new ArrayList<>(ruleNames.size());
        for (String name : ruleNames) {
            ids.add(ruleId(name));
        }
        return ids;
    }

    private String ruleId(String name) {
        RuleRef ref = ruleSet.ref(name);
        cited.putIfAbsent(ref.id(), ref);
        return ref.id();
    }

    /** The questions of the answers, each once, in the flow's order (any the flow does not know last, as met). */
    private List<String> questionIds(Collection<Answer> behind) {
        if (behind.isEmpty()) {
            return List.of();
        }
        BitSet positions = new BitSet(questions.size());
        List<String> unknown = List.of();
        for (Answer a : behind) {
            Integer position = questionOrder.get(a.getQuestion());
            if (position != null) {
                positions.set(position);
            } else if (!unknown.contains(a.getQuestion())) {
                unknown = unknown.isEmpty() ? new ArrayList<>(2) : unknown;
                unknown.add(a.getQuestion());
            }
        }
        List<String> ids = new ArrayList<>(positions.cardinality() + unknown.size());
        for (int p = positions.nextSetBit(0); p >= 0; p = positions.nextSetBit(p + 1)) {
            ids.add(questions.get(p));
        }
        ids.addAll(unknown);
        return Collections.unmodifiableList(ids);
    }

    /** The answers the rules saw, as values: what the user gave, or "unknown"; skipped questions are left out. */
    private Map<String, Object> answerValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Answer a : answers) {
            if (a.isAsked()) {
                values.put(a.getQuestion(), a.isUnknown() ? Answer.UNKNOWN : given.getOrDefault(a.getQuestion(), Answer.UNKNOWN));
            }
        }
        return values;
    }

    private static int pillarOrder(String pillar) {
        int i = PILLARS.indexOf(pillar);
        return i < 0 ? PILLARS.size() : i;
    }

    private static <T> List<T> all(KieSession session, Class<T> type) {
        Collection<?> objects = session.getObjects(new ClassObjectFilter(type));
        List<T> list = new ArrayList<>(objects.size());
        objects.forEach(o -> list.add(type.cast(o)));
        return list;
    }
}
