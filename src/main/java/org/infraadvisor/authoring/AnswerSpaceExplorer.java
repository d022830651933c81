package org.infraadvisor.authoring;

import org.infraadvisor.authoring.VerifyReport.Exploration;
import org.infraadvisor.authoring.VerifyReport.Finding;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.Condition;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.Evaluation;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.facts.Answer;
import org.infraadvisor.facts.StrategyChoice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evaluates many combinations of answers per flow — all of them when the space fits the budget, otherwise a
 * pairwise covering set plus random ones — and reports combinations that give no strategy or two contradicting
 * strategies, rules that fire in no combination at all, and rules whose evaluation fails.
 */
final class AnswerSpaceExplorer {

    private static final int TARGETED_TRIES = 20;

    private final RuleSet ruleSet;
    private final RuleModel model;
    private final AdvisorEngine engine;
    private final int budget;
    private final Random random;

    private final Set<String> fired = new HashSet<>();
    private final Set<String> reachedByScenarios = new HashSet<>();
    private final List<Exploration> explorations = new ArrayList<>();
    private final Map<String, Problem> problems = new LinkedHashMap<>();
    private int evaluated;

    /** A kind of failure seen in some combinations: how many, and the first one. */
    private static final class Problem {
        final String kind;
        final String file;
        final int line;
        final String subject;
        final String message;
        final Map<String, Object> example;
        int count;

        Problem(String kind, String file, int line, String subject, String message, Map<String, Object> example) {
            this.kind = kind;
            this.file = file;
            this.line = line;
            this.subject = subject;
            this.message = message;
            this.example = example;
        }
    }

    record Result(List<Exploration> explorations, List<Finding> findings) {
    }

    private AnswerSpaceExplorer(RuleSet ruleSet, RuleModel model, AdvisorEngine engine, int budget, long seed) {
        this.ruleSet = ruleSet;
        this.model = model;
        this.engine = engine;
        this.budget = budget;
        this.random = new Random(seed);
    }

    /**
     * @param firedByScenarios rules the scenario suite fired: reachable by definition, so not searched for again
     */
    static Result explore(RuleSet ruleSet, RuleModel model, AdvisorEngine engine, int budget, long seed,
                          Set<String> firedByScenarios) {
        AnswerSpaceExplorer explorer = new AnswerSpaceExplorer(ruleSet, model, engine, budget, seed);
        explorer.reachedByScenarios.addAll(firedByScenarios);
        List<Flow> flows = ruleSet.flows().values().stream().sorted(java.util.Comparator.comparing(Flow::id)).toList();
        for (Flow flow : flows) {
            explorer.explore(flow);
        }
        return new Result(List.copyOf(explorer.explorations), explorer.findings(flows));
    }

    private void explore(Flow flow) {
        List<AnswerSpace.Dimension> dims = AnswerSpace.of(flow, model);
        int[] sizes = dims.stream().mapToInt(d -> d.values().size()).toArray();
        double space = Combinations.size(sizes);
        Set<String> seen = new HashSet<>();
        String mode;
        if (space <= budget) {
            mode = "exhaustive";
            Combinations.all(sizes).forEach(row -> evaluate(flow, dims, row, seen));
        } else {
            // People often answer "I don't know": besides a pairwise covering set, try few answers at a time
            // (all unknown, one known) and random rows, half of them mostly unknown.
            mode = "pairwise+sparse+random";
            int[] unknown = new int[dims.size()];
            for (int i = 0; i < dims.size(); i++) {
                unknown[i] = dims.get(i).values().size() - 1; // "unknown" is always the last value
            }
            List<int[]> rows = new ArrayList<>();
            rows.add(unknown.clone());
            for (int i = 0; i < dims.size(); i++) {
                for (int v = 0; v < unknown[i]; v++) {
                    int[] row = unknown.clone();
                    row[i] = v;
                    rows.add(row);
                }
            }
            rows.addAll(Combinations.pairwise(sizes, random));
            rows.forEach(row -> evaluate(flow, dims, row, seen));
            for (int i = rows.size(); i < budget; i++) {
                int[] row = Combinations.random(sizes, random);
                if (i % 2 == 0) {
                    for (int d = 0; d < row.length; d++) {
                        if (random.nextDouble() < 0.6) {
                            row[d] = unknown[d];
                        }
                    }
                }
                evaluate(flow, dims, row, seen);
            }
        }
        int targetedBudget = seen.size() + budget;
        for (RuleDef rule : model.rules()) {
            if (!fired.contains(rule.name()) && !reachedByScenarios.contains(rule.name()) && seen.size() < targetedBudget) {
                searchFor(rule, flow, dims, seen);
            }
        }
        explorations.add(new Exploration(flow.id(), dims.stream().map(d -> d.question().id()).toList(), space, mode, seen.size()));
    }

    /**
     * Tries combinations that satisfy the rule's own answer conditions (and the conditions under which those
     * questions are asked), so that a rule needing a rare combination is not reported unreachable by chance.
     */
    private void searchFor(RuleDef rule, Flow flow, List<AnswerSpace.Dimension> dims, Set<String> seen) {
        Map<String, List<Integer>> allowed = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            allowed.put(dims.get(i).question().id(), indexes(dims.get(i).values().size()));
        }
        for (AnswerPattern p : rule.answers()) {
            if (p.questions().size() != 1 || p.placement() == AnswerPattern.Placement.NESTED) {
                continue;
            }
            String qid = p.questions().get(0);
            int d = dimension(dims, qid);
            if (d < 0) {
                return; // the flow does not ask it
            }
            boolean required = p.placement() == AnswerPattern.Placement.REQUIRED;
            List<Integer> keep = new ArrayList<>();
            for (int v : allowed.get(qid)) {
                Answer answer = answerFact(flow, qid, dims.get(d).values().get(v));
                if (p.matches(answer).map(m -> m == required).orElse(true)) {
                    keep.add(v);
                }
            }
            allowed.put(qid, keep);
            if (required) {
                requireAsked(flow, dims, flow.question(qid).orElseThrow(), allowed);
            }
        }
        if (allowed.values().stream().anyMatch(List::isEmpty)) {
            return;
        }
        for (int t = 0; t < TARGETED_TRIES && !fired.contains(rule.name()); t++) {
            int[] row = new int[dims.size()];
            for (int i = 0; i < dims.size(); i++) {
                List<Integer> choices = allowed.get(dims.get(i).question().id());
                row[i] = choices.get(random.nextInt(choices.size()));
            }
            evaluate(flow, dims, row, seen);
        }
    }

    /** Narrows the questions that decide whether {@code q} is asked to values that ask it (not "unknown": that would hide nothing, but says nothing either). */
    private void requireAsked(Flow flow, List<AnswerSpace.Dimension> dims, Question q, Map<String, List<Integer>> allowed) {
        for (Condition.Clause clause : q.askIf().clauses()) {
            int d = dimension(dims, clause.question());
            if (d < 0) {
                continue;
            }
            List<Object> values = dims.get(d).values();
            List<Integer> keep = allowed.get(clause.question()).stream().filter(v -> satisfies(clause, values.get(v))).toList();
            allowed.put(clause.question(), keep);
            flow.question(clause.question()).ifPresent(gate -> requireAsked(flow, dims, gate, allowed));
        }
    }

    private static boolean satisfies(Condition.Clause clause, Object value) {
        if (value instanceof Number n) {
            double x = n.doubleValue();
            return (clause.min() == null || x >= clause.min()) && (clause.max() == null || x <= clause.max());
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> clause.anyOf().contains(String.valueOf(v)));
        }
        return clause.anyOf().contains(String.valueOf(value));
    }

    private static Answer answerFact(Flow flow, String qid, Object value) {
        return AdvisorEngine.facts(flow, Map.of(qid, value)).stream().filter(a -> a.getQuestion().equals(qid)).findFirst().orElseThrow();
    }

    private void evaluate(Flow flow, List<AnswerSpace.Dimension> dims, int[] row, Set<String> seen) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            Object v = dims.get(i).values().get(row[i]);
            if (!AnswerValues.UNKNOWN.equals(v)) {
                answers.put(dims.get(i).question().id(), v);
            }
        }
        Map<String, Object> effective = new DialogueState(flow, answers).effectiveAnswers();
        if (!seen.add(effective.toString())) {
            return;
        }
        evaluated++;
        Evaluation evaluation;
        try {
            evaluation = engine.evaluateInDetail(ruleSet, flow, effective);
        } catch (AdvisorEngine.RuleLoopException e) {
            problem(VerifyReport.RULE_LOOP, flow.file(), 1, flow.id(), "flow '%s': %s".formatted(flow.id(), e.getMessage()), effective);
            return;
        } catch (RuntimeException e) {
            problem(VerifyReport.RULE_ERROR, flow.file(), 1, flow.id(), "flow '%s': evaluating the rules failed: %s"
                    .formatted(flow.id(), rootMessage(e)), effective);
            return;
        }
        fired.addAll(evaluation.firedRules());
        Map<String, Set<String>> rulesByStrategy = new TreeMap<>();
        for (StrategyChoice choice : evaluation.factsOf(StrategyChoice.class)) {
            String rule = evaluation.trace().firingThatInserted(choice).map(f -> f.rule()).orElse("?");
            rulesByStrategy.computeIfAbsent(choice.getStrategy(), s -> new TreeSet<>()).add(rule);
        }
        if (rulesByStrategy.isEmpty()) {
            problem(VerifyReport.NO_STRATEGY, flow.file(), 1, flow.id(),
                    "flow '%s': some combinations of answers give no strategy".formatted(flow.id()), effective);
        } else if (rulesByStrategy.size() > 1) {
            List<String> parts = new ArrayList<>();
            rulesByStrategy.forEach((strategy, rules) -> parts.add(strategy + " (from " + String.join(", ",
                    rules.stream().map(this::where).toList()) + ")"));
            String first = rulesByStrategy.values().iterator().next().iterator().next();
            RuleDef rule = model.rule(first).orElse(null);
            problem(VerifyReport.CONTRADICTING_STRATEGIES, rule == null ? flow.file() : rule.file(), rule == null ? 1 : rule.line(),
                    String.join(" vs ", rulesByStrategy.keySet()),
                    "flow '%s': some combinations of answers conclude contradicting strategies: %s"
                            .formatted(flow.id(), String.join(" and ", parts)), effective);
        }
    }

    private String where(String rule) {
        return model.rule(rule).map(r -> "\"%s\" %s:%d".formatted(r.name(), r.file(), r.line())).orElse("\"" + rule + "\"");
    }

    private void problem(String kind, String file, int line, String subject, String message, Map<String, Object> example) {
        problems.computeIfAbsent(kind + "|" + message, k -> new Problem(kind, file, line, subject, message, new LinkedHashMap<>(example)))
                .count++;
    }

    private List<Finding> findings(List<Flow> flows) {
        List<Finding> findings = new ArrayList<>();
        for (Problem p : problems.values()) {
            findings.add(new Finding(p.kind, p.file, p.line, p.subject,
                    "%s (%d of %d combinations evaluated; example in 'example')".formatted(p.message, p.count, evaluated), p.example));
        }
        for (RuleDef rule : model.rules()) {
            if (!fired.contains(rule.name()) && !reachedByScenarios.contains(rule.name())) {
                findings.add(new Finding(VerifyReport.UNREACHABLE_RULE, rule.file(), rule.line(), rule.name(),
                        "rule \"%s\" fired in no scenario and in none of the %d answer combinations tried across flows %s, including ones chosen to meet its own conditions"
                                .formatted(rule.name(), evaluated, flows.stream().map(Flow::id).toList()), null));
            }
        }
        return findings;
    }

    private static int dimension(List<AnswerSpace.Dimension> dims, String qid) {
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i).question().id().equals(qid)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Integer> indexes(int n) {
        List<Integer> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
