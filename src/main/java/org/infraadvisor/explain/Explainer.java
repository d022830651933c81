package org.infraadvisor.explain;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.authoring.AnswerPattern;
import org.infraadvisor.authoring.AnswerTest;
import org.infraadvisor.authoring.RuleDef;
import org.infraadvisor.authoring.RuleModel;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.Conclusions;
import org.infraadvisor.engine.Evaluation;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.Trace;
import org.infraadvisor.explain.Explanation.ConditionCheck;
import org.infraadvisor.explain.Explanation.RuleCheck;
import org.infraadvisor.explain.Explanation.Standing;
import org.infraadvisor.explain.Explanation.Step;
import org.infraadvisor.explain.Explanation.Vote;
import org.infraadvisor.explain.Explanation.WhyNot;
import org.infraadvisor.facts.Answer;
import org.infraadvisor.facts.StrategyChoice;
import org.infraadvisor.facts.StrategyVote;
import org.infraadvisor.format.Readable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the why and why-not of one evaluation from Drools' own records: the trace of firings (which rule
 * matched which facts and inserted what) for "why", and the rules' declared {@code Answer(...)} constraints,
 * checked against the actual answers, for "why not".
 */
public final class Explainer {

    private static final int MAX_DEPTH = 12;

    private final RuleSet ruleSet;
    private final Flow flow;
    private final Evaluation evaluation;
    private final RuleModel model;
    private final Map<String, Answer> answersByQuestion = new LinkedHashMap<>();
    private final Map<String, Advice.RuleRef> cited = new LinkedHashMap<>();

    private Explainer(RuleSet ruleSet, Flow flow, Evaluation evaluation) {
        this.ruleSet = ruleSet;
        this.flow = flow;
        this.evaluation = evaluation;
        this.model = RuleModel.of(ruleSet);
        evaluation.answers().forEach(a -> answersByQuestion.put(a.getQuestion(), a));
    }

    /** An explanation with the rules it names, by id, so that a document sent with it can describe them once. */
    public record Result(Explanation explanation, Map<String, Advice.RuleRef> rules) {
    }

    public static Result explain(RuleSet ruleSet, Flow flow, Evaluation evaluation) {
        Explainer explainer = new Explainer(ruleSet, flow, evaluation);
        Explanation explanation = explainer.explain();
        return new Result(explanation, Collections.unmodifiableMap(explainer.cited));
    }

    private Explanation explain() {
        Advice rec = evaluation.advice();
        Step why = evaluation.factsOf(StrategyChoice.class).stream()
                .filter(c -> c.getStrategy().equals(rec.strategy()))
                .max(Comparator.comparingDouble(StrategyChoice::getConfidence))
                .map(c -> step(c, new IdentityHashMap<>(), 0)).orElse(null);
        List<Standing> standings = standings(rec.strategy());
        List<WhyNot> whyNot = new ArrayList<>();
        for (Standing s : standings) {
            if (!s.chosen()) {
                whyNot.add(whyNot(s, rec, standings));
            }
        }
        List<String> answers = evaluation.answers().stream().filter(Answer::isAsked).map(Answer::getQuestion).toList();
        return new Explanation(rec.strategy(), rec.confidence(), rec.summary(), rec.rulesVersion(), answers, why, standings, whyNot);
    }

    /** The firing that concluded the fact, and recursively the firings behind the facts it matched. */
    private Step step(Object fact, Map<Object, Boolean> visited, int depth) {
        Optional<Trace.Firing> firing = evaluation.trace().firingThatInserted(fact);
        if (firing.isEmpty() || visited.put(fact, true) != null || depth > MAX_DEPTH) {
            return null;
        }
        Trace.Firing f = firing.get();
        List<String> answers = new ArrayList<>();
        List<Step> from = new ArrayList<>();
        for (Object matched : f.matched()) {
            if (matched instanceof Answer a) {
                if (a.isAsked()) {
                    answers.add(a.getQuestion());
                }
            } else if (!(matched instanceof String || matched instanceof Number || matched instanceof Boolean)) {
                Step s = step(matched, visited, depth + 1);
                if (s != null) {
                    from.add(s);
                }
            }
        }
        return new Step(cite(f.rule()), Conclusions.describe(fact, flow), answers, from);
    }

    private List<Standing> standings(String chosen) {
        Map<String, List<Vote>> votes = new LinkedHashMap<>();
        model.strategies().forEach(s -> votes.put(s, new ArrayList<>()));
        if (chosen != null) {
            votes.computeIfAbsent(chosen, s -> new ArrayList<>());
        }
        for (StrategyVote v : evaluation.factsOf(StrategyVote.class)) {
            String rule = evaluation.trace().firingThatInserted(v).map(f -> cite(f.rule())).orElse(null);
            List<String> because = evaluation.trace().answersBehind(v).stream().map(Answer::getQuestion).toList();
            votes.computeIfAbsent(v.getStrategy(), s -> new ArrayList<>())
                    .add(new Vote(v.getStrategy(), v.getWeight(), v.getReason(), rule, because));
        }
        return votes.entrySet().stream()
                .map(e -> new Standing(e.getKey(), e.getValue().stream().mapToInt(Vote::points).sum(), e.getKey().equals(chosen), e.getValue()))
                .sorted(Comparator.comparing(Standing::chosen).reversed().thenComparing(Comparator.comparingInt(Standing::points).reversed())
                        .thenComparing(Standing::strategy))
                .toList();
    }

    /**
     * Why not {@code standing}'s strategy: the points on each side and the rules for it that your answers stopped, by
     * name. Which condition stopped each rule is said once, in that rule's conditions.
     */
    private WhyNot whyNot(Standing standing, Advice rec, List<Standing> standings) {
        String s = standing.strategy();
        String name = Readable.strategy(s);
        List<RuleCheck> checks = model.supporting(s).stream().map(r -> check(r, s)).toList();
        StringBuilder summary = new StringBuilder();
        if (rec.strategy() == null) {
            summary.append("No strategy was recommended. ");
        } else {
            int chosenPoints = standings.stream().filter(Standing::chosen).mapToInt(Standing::points).sum();
            summary.append("%s was recommended rather than %s: %s against %d.".formatted(Readable.strategy(rec.strategy()),
                    name, Readable.count(chosenPoints, "point", "points"), standing.points()));
        }
        long fired = checks.stream().filter(RuleCheck::fired).count();
        if (checks.isEmpty()) {
            summary.append(" No rule argues for ").append(name).append('.');
        } else {
            summary.append(" %d of %d rule%s that would support %s fired".formatted(fired, checks.size(),
                    checks.size() == 1 ? "" : "s", name));
            List<String> stopped = checks.stream()
                    .filter(c -> !c.fired() && c.conditions().stream().anyMatch(x -> Boolean.FALSE.equals(x.met())))
                    .map(c -> "\"" + cited.get(c.rule()).name() + "\"").limit(3).toList();
            summary.append(stopped.isEmpty() ? "." : "; your answers stopped " + Readable.list(stopped) + ".");
        }
        return new WhyNot(s, standing.points(), summary.toString(), checks);
    }

    private RuleCheck check(RuleDef rule, String strategy) {
        boolean fired = evaluation.firedRules().contains(rule.name());
        Integer points = fired ? Integer.valueOf(firedPoints(rule.name(), strategy)) : rule.votes().get(strategy);
        Function<String, Question> question = id -> flow.question(id).orElse(null);
        List<ConditionCheck> conditions = new ArrayList<>();
        List<String> others = new ArrayList<>(rule.otherConditions());
        for (AnswerPattern p : rule.answers()) {
            if (p.questions().size() != 1 || p.placement() == AnswerPattern.Placement.NESTED) {
                if (p.placement() != AnswerPattern.Placement.NESTED) {
                    others.add((p.placement() == AnswerPattern.Placement.NEGATED ? "not " : "") + p.text());
                }
                continue;
            }
            String qid = p.questions().get(0);
            Question q = question.apply(qid);
            Answer answer = answersByQuestion.get(qid);
            if (answer == null) {
                conditions.add(new ConditionCheck(qid, p.needs(question), null, "not in this flow", false,
                        "needs a question this flow does not ask"));
                continue;
            }
            Object value = valueOf(answer);
            String label = labelOf(answer, q);
            String answered = answered(answer);
            if (p.placement() == AnswerPattern.Placement.NEGATED) {
                Optional<Boolean> matches = p.matches(answer);
                String condition = "not " + p.needs(question);
                Boolean met = matches.map(m -> !m).orElse(null);
                String explanation = met == null ? "cannot tell here whether your answer is %s; you answered %s".formatted(condition, answered)
                        : met ? "met: you answered " + answered
                        : "is ruled out by %s; you answered %s".formatted(p.needs(question), answered);
                conditions.add(new ConditionCheck(qid, condition, value, label, met, explanation));
                continue;
            }
            if (p.tests().isEmpty()) {
                continue;
            }
            for (AnswerTest t : p.tests()) {
                String condition = t.needs(q);
                Boolean met = t.holds(answer).orElse(null);
                String explanation = met == null ? "needs %s, which cannot be checked outside the rules engine; you answered %s".formatted(condition, answered)
                        : met ? "met: you answered " + answered
                        : !answer.isAsked() ? "needs %s, but that question was not asked given your other answers".formatted(condition)
                        : "needs %s; you answered %s".formatted(condition, answered);
                conditions.add(new ConditionCheck(qid, condition, value, label, met, explanation));
            }
        }
        // the verdict says whether it fired; which condition stopped it is said once, in its conditions
        String verdict;
        if (fired) {
            verdict = points == null ? "fired" : "fired: added %s to %s".formatted(Readable.count(points, "point", "points"),
                    Readable.strategy(strategy));
        } else {
            long failed = conditions.stream().filter(c -> Boolean.FALSE.equals(c.met())).count();
            if (failed > 0) {
                verdict = failed == 1 ? "did not fire: an answer does not meet it"
                        : "did not fire: %d answers do not meet it".formatted(failed);
            } else if (!others.isEmpty()) {
                verdict = "did not fire: your answers meet it, another condition did not hold";
            } else {
                verdict = "did not fire";
            }
        }
        return new RuleCheck(cite(rule.name()), rule.file(), rule.line(), fired, points, verdict,
                conditions, others);
    }

    private int firedPoints(String rule, String strategy) {
        int points = 0;
        for (StrategyVote v : evaluation.factsOf(StrategyVote.class)) {
            if (v.getStrategy().equals(strategy)
                    && evaluation.trace().firingThatInserted(v).map(f -> f.rule().equals(rule)).orElse(false)) {
                points += v.getWeight();
            }
        }
        return points;
    }

    /** What the user answered, as they saw it: the option's label, the number with its unit, "I don't know". */
    private String answered(Answer a) {
        if (!a.isAsked()) {
            return "nothing (not asked)";
        }
        return "\"" + labelOf(a, flow.question(a.getQuestion()).orElse(null)) + "\"";
    }

    /** The value the rules saw: what the user gave, "unknown", or null for a question the dialogue skipped. */
    private Object valueOf(Answer a) {
        if (!a.isAsked()) {
            return null;
        }
        return a.isUnknown() ? Answer.UNKNOWN : evaluation.advice().answers().getOrDefault(a.getQuestion(), a.getValue());
    }

    private String labelOf(Answer a, Question q) {
        return a.isAsked() ? Readable.answer(q, valueOf(a)) : "not asked";
    }

    /** The id of a rule, by name, remembering that the explanation names it. */
    private String cite(String ruleName) {
        Advice.RuleRef ref = ruleSet.ref(ruleName);
        cited.putIfAbsent(ref.id(), ref);
        return ref.id();
    }
}
