package org.infraadvisor.explain;

import org.infraadvisor.advice.Recommendation;
import org.infraadvisor.advice.Recommendation.Because;
import org.infraadvisor.authoring.AnswerPattern;
import org.infraadvisor.authoring.AnswerTest;
import org.infraadvisor.authoring.RuleDef;
import org.infraadvisor.authoring.RuleModel;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.AnswerLabels;
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

import java.util.ArrayList;
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

    private Explainer(RuleSet ruleSet, Flow flow, Evaluation evaluation) {
        this.ruleSet = ruleSet;
        this.flow = flow;
        this.evaluation = evaluation;
        this.model = RuleModel.of(ruleSet);
        evaluation.answers().forEach(a -> answersByQuestion.put(a.getQuestion(), a));
    }

    public static Explanation explain(RuleSet ruleSet, Flow flow, Evaluation evaluation) {
        return new Explainer(ruleSet, flow, evaluation).explain();
    }

    private Explanation explain() {
        Recommendation rec = evaluation.recommendation();
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
        List<Because> answers = evaluation.answers().stream().filter(Answer::isAsked).map(a -> AnswerLabels.because(flow, a)).toList();
        return new Explanation(rec.strategy(), rec.confidence(), rec.summary(), rec.rulesVersion(), answers, why, standings, whyNot);
    }

    /** The firing that concluded the fact, and recursively the firings behind the facts it matched. */
    private Step step(Object fact, Map<Object, Boolean> visited, int depth) {
        Optional<Trace.Firing> firing = evaluation.trace().firingThatInserted(fact);
        if (firing.isEmpty() || visited.put(fact, true) != null || depth > MAX_DEPTH) {
            return null;
        }
        Trace.Firing f = firing.get();
        List<Because> answers = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        List<Step> from = new ArrayList<>();
        for (Object matched : f.matched()) {
            if (matched instanceof Answer a) {
                if (a.isAsked()) {
                    answers.add(AnswerLabels.because(flow, a));
                }
            } else if (!(matched instanceof String || matched instanceof Number || matched instanceof Boolean)) {
                facts.add(String.valueOf(matched));
                Step s = step(matched, visited, depth + 1);
                if (s != null) {
                    from.add(s);
                }
            }
        }
        var info = ruleSet.rules().get(f.rule());
        return new Step(f.rule(), info == null ? null : info.description(), info == null ? null : info.rationale(),
                String.valueOf(fact), answers, facts, from);
    }

    private List<Standing> standings(String chosen) {
        Map<String, List<Vote>> votes = new LinkedHashMap<>();
        model.strategies().forEach(s -> votes.put(s, new ArrayList<>()));
        if (chosen != null) {
            votes.computeIfAbsent(chosen, s -> new ArrayList<>());
        }
        for (StrategyVote v : evaluation.factsOf(StrategyVote.class)) {
            Optional<Trace.Firing> firing = evaluation.trace().firingThatInserted(v);
            String rule = firing.map(Trace.Firing::rule).orElse("?");
            var info = ruleSet.rules().get(rule);
            List<Because> because = evaluation.trace().supportOf(v).answers().stream().filter(Answer::isAsked)
                    .map(a -> AnswerLabels.because(flow, a)).toList();
            votes.computeIfAbsent(v.getStrategy(), s -> new ArrayList<>())
                    .add(new Vote(v.getStrategy(), v.getWeight(), v.getReason(), rule, info == null ? null : info.description(), because));
        }
        return votes.entrySet().stream()
                .map(e -> new Standing(e.getKey(), e.getValue().stream().mapToInt(Vote::points).sum(), e.getKey().equals(chosen), e.getValue()))
                .sorted(Comparator.comparing(Standing::chosen).reversed().thenComparing(Comparator.comparingInt(Standing::points).reversed())
                        .thenComparing(Standing::strategy))
                .toList();
    }

    private WhyNot whyNot(Standing standing, Recommendation rec, List<Standing> standings) {
        String s = standing.strategy();
        List<RuleCheck> checks = model.supporting(s).stream().map(r -> check(r, s)).toList();
        StringBuilder summary = new StringBuilder();
        if (rec.strategy() == null) {
            summary.append("No strategy was recommended. ");
        } else {
            int chosenPoints = standings.stream().filter(Standing::chosen).mapToInt(Standing::points).sum();
            summary.append("%s was recommended rather than %s (%s). %s has %d point%s from your answers against %d for %s."
                    .formatted(rec.strategy(), s, rec.summary(), s, standing.points(), standing.points() == 1 ? "" : "s",
                            chosenPoints, rec.strategy()));
        }
        long fired = checks.stream().filter(RuleCheck::fired).count();
        if (checks.isEmpty()) {
            summary.append(" No rule argues for ").append(s).append('.');
        } else {
            summary.append(" %d of %d rule%s that would support %s fired".formatted(fired, checks.size(),
                    checks.size() == 1 ? "" : "s", s));
            List<String> failed = checks.stream().filter(c -> !c.fired())
                    .flatMap(c -> c.conditions().stream().filter(x -> Boolean.FALSE.equals(x.met()))
                            .map(x -> "\"" + c.rule() + "\" " + x.explanation()))
                    .distinct().limit(3).toList();
            summary.append(failed.isEmpty() ? "." : ". Not fired: " + String.join("; ", failed) + ".");
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
                conditions.add(new ConditionCheck(qid, null, p.describe(question), null, "not in this flow", false,
                        "needs question '%s', which flow '%s' does not ask".formatted(qid, flow.id())));
                continue;
            }
            Because b = AnswerLabels.because(flow, answer);
            String answered = answered(answer, q);
            if (p.placement() == AnswerPattern.Placement.NEGATED) {
                Optional<Boolean> matches = p.matches(answer);
                String condition = "not (" + p.describe(question) + ")";
                Boolean met = matches.map(m -> !m).orElse(null);
                String explanation = met == null ? "cannot tell here whether %s; you answered %s".formatted(condition, answered)
                        : met ? "%s: met, you answered %s".formatted(condition, answered)
                        : "is ruled out when %s; you answered %s".formatted(p.describe(question), answered);
                conditions.add(new ConditionCheck(qid, b.text(), condition, b.answer(), b.label(), met, explanation));
                continue;
            }
            if (p.tests().isEmpty()) {
                continue;
            }
            for (AnswerTest t : p.tests()) {
                String condition = t.describe(qid, q);
                Boolean met = t.holds(answer).orElse(null);
                String explanation = met == null ? "needs %s, which cannot be checked outside the rules engine; you answered %s".formatted(condition, answered)
                        : met ? "%s: met, you answered %s".formatted(condition, answered)
                        : !answer.isAsked() ? "needs %s, but that question was not asked given your other answers".formatted(condition)
                        : "needs %s; you answered %s".formatted(condition, answered);
                conditions.add(new ConditionCheck(qid, b.text(), condition, b.answer(), b.label(), met, explanation));
            }
        }
        String verdict;
        if (fired) {
            verdict = points == null ? "fired" : "fired: added %d point%s to %s".formatted(points, points == 1 ? "" : "s", strategy);
        } else {
            List<String> failed = conditions.stream().filter(c -> Boolean.FALSE.equals(c.met())).map(ConditionCheck::explanation).toList();
            if (!failed.isEmpty()) {
                verdict = "did not fire: it " + String.join(", and it ", failed);
            } else if (!others.isEmpty()) {
                verdict = "did not fire: your answers meet its answer conditions, so one of its other conditions did not hold: "
                        + String.join("; ", others);
            } else {
                verdict = "did not fire";
            }
        }
        return new RuleCheck(rule.name(), rule.description(), rule.file(), rule.line(), fired, points, verdict,
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

    private static String answered(Answer a, Question q) {
        if (!a.isAsked()) {
            return "nothing (not asked)";
        }
        String label = AnswerLabels.label(q, a);
        if (a.isUnknown()) {
            return "\"I don't know\"";
        }
        if (q != null && !q.options().isEmpty() && q.offers(a.getValue())) {
            return a.getValue() + " (\"" + label + "\")";
        }
        return label;
    }
}
