package org.infraadvisor.scenarios;

import io.micronaut.json.tree.JsonNode;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.advice.Advice.Accelerator;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.InvalidAnswerException;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.Evaluation;
import org.infraadvisor.engine.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs scenarios against a rule set and compares the advice with what each scenario expects. Answers are
 * validated like the API validates them; an answer the dialogue would not ask given the others is reported,
 * because the engine would silently ignore it.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    public static ScenarioReport run(RuleSet ruleSet, AdvisorEngine engine, List<Scenario> scenarios) {
        List<ScenarioResult> results = new ArrayList<>();
        TreeSet<String> fired = new TreeSet<>();
        for (Scenario scenario : scenarios) {
            ScenarioResult result = run(ruleSet, engine, scenario);
            fired.addAll(result.rulesFired());
            results.add(result);
        }
        TreeSet<String> never = new TreeSet<>(ruleSet.rules().keySet());
        never.removeAll(fired);
        return new ScenarioReport(List.copyOf(results), fired, never);
    }

    public static ScenarioResult run(RuleSet ruleSet, AdvisorEngine engine, Scenario scenario) {
        List<String> differences = new ArrayList<>();
        Flow flow = ruleSet.flow(scenario.flow()).orElse(null);
        if (flow == null) {
            differences.add(scenario.location() + ": no flow '" + scenario.flow() + "'");
            return new ScenarioResult(scenario, differences, null, Set.of());
        }
        Map<String, Object> answers = canonicalAnswers(flow, scenario, differences);
        if (!differences.isEmpty()) {
            return new ScenarioResult(scenario, differences, null, Set.of());
        }
        Evaluation evaluation;
        try {
            evaluation = engine.evaluateInDetail(ruleSet, flow, answers);
        } catch (RuntimeException e) {
            differences.add("evaluation failed: " + e.getMessage());
            return new ScenarioResult(scenario, differences, null, Set.of());
        }
        Advice rec = evaluation.advice();
        Set<String> fired = evaluation.firedRules();
        compare(scenario.expect(), rec, differences);
        return new ScenarioResult(scenario, List.copyOf(differences), rec, fired);
    }

    private static Map<String, Object> canonicalAnswers(Flow flow, Scenario scenario, List<String> differences) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : scenario.answers().entrySet()) {
            String where = scenario.file() + ":" + scenario.answerLines().getOrDefault(e.getKey(), scenario.line());
            Question q = flow.question(e.getKey()).orElse(null);
            if (q == null) {
                differences.add(where + ": flow '" + flow.id() + "' has no question '" + e.getKey() + "'");
                continue;
            }
            try {
                answers.put(q.id(), AnswerValues.canonical(q, json(e.getValue())));
            } catch (InvalidAnswerException ex) {
                differences.add(where + ": " + ex.getMessage());
            }
        }
        DialogueState state = new DialogueState(flow, answers);
        for (String question : answers.keySet()) {
            if (!state.isAsked(question)) {
                differences.add(scenario.file() + ":" + scenario.answerLines().getOrDefault(question, scenario.line())
                        + ": the answer to '" + question + "' is ignored: the dialogue does not ask it given the other answers");
            }
        }
        return answers;
    }

    private static JsonNode json(Object value) {
        if (value instanceof Number n) {
            return JsonNode.createNumberNode(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return JsonNode.createBooleanNode(b);
        }
        if (value instanceof List<?> list) {
            return JsonNode.createArrayNode(list.stream().map(ScenarioRunner::json).toList());
        }
        return JsonNode.createStringNode(String.valueOf(value));
    }

    private static void compare(Expectations e, Advice rec, List<String> d) {
        if (e == null) {
            return;
        }
        if (!e.strategyOneOf().isEmpty() && !e.strategyOneOf().contains(rec.strategy())) {
            d.add("strategy: expected " + oneOf(e.strategyOneOf()) + ", got " + rec.strategy() + " (confidence "
                    + rec.confidence() + ": " + rec.summary() + ")");
        }
        if (e.minConfidence() != null && rec.confidence() < e.minConfidence()) {
            d.add("confidence: expected at least " + e.minConfidence() + ", got " + rec.confidence());
        }
        if (e.maxConfidence() != null && rec.confidence() > e.maxConfidence()) {
            d.add("confidence: expected at most " + e.maxConfidence() + ", got " + rec.confidence());
        }
        List<Accelerator> list = rec.accelerators();
        String ranking = list.isEmpty() ? "none" : list.stream().map(a -> a.vendor() + " " + a.model() + " x" + a.count() + " (" + a.score() + ")")
                .collect(Collectors.joining(", "));
        if (!e.topAcceleratorOneOf().isEmpty()) {
            Accelerator top = list.isEmpty() ? null : list.get(0);
            if (top == null || e.topAcceleratorOneOf().stream().noneMatch(n -> matches(n, top))) {
                d.add("top accelerator: expected " + oneOf(e.topAcceleratorOneOf()) + ", got " + ranking);
            }
        }
        for (String name : e.acceleratorsInclude()) {
            if (list.stream().noneMatch(a -> matches(name, a))) {
                d.add("accelerators: expected " + name + " in the list, got " + ranking);
            }
        }
        for (String name : e.acceleratorsExclude()) {
            if (list.stream().anyMatch(a -> matches(name, a))) {
                d.add("accelerators: expected no " + name + ", got " + ranking);
            }
        }
        e.acceleratorCounts().forEach((name, range) -> {
            Accelerator a = list.stream().filter(x -> matches(name, x)).findFirst().orElse(null);
            if (a == null) {
                d.add("accelerator count: " + name + " is not in the list (" + ranking + ")");
            } else if (a.count() < range.get(0) || a.count() > range.get(1)) {
                d.add("accelerator count: expected " + name + " x" + range(range) + ", got x" + a.count() + " (" + a.reason() + ")");
            }
        });
        String risks = rec.risks().stream().map(r -> r.severity() + ": " + r.title()).collect(Collectors.joining("; "));
        for (String title : e.risks()) {
            if (rec.risks().stream().noneMatch(r -> contains(r.title(), title))) {
                d.add("risks: expected one titled like '" + title + "', got [" + risks + "]");
            }
        }
        for (String title : e.noRisks()) {
            if (rec.risks().stream().anyMatch(r -> contains(r.title(), title))) {
                d.add("risks: expected none titled like '" + title + "', got [" + risks + "]");
            }
        }
        e.readiness().forEach((pillar, status) -> {
            String got = rec.readiness().stream().filter(r -> r.pillar().equals(pillar)).map(r -> r.status() + " (" + r.reason() + ")")
                    .findFirst().orElse("nothing");
            if (!got.startsWith(status + " ")) {
                d.add("readiness of " + pillar + ": expected " + status + ", got " + got);
            }
        });
        for (String question : e.followUps()) {
            if (rec.openQuestions().stream().noneMatch(f -> f.question().equals(question))) {
                d.add("follow-up questions: expected " + question + ", got "
                        + rec.openQuestions().stream().map(Advice.FollowUp::question).toList());
            }
        }
        for (String title : e.plan()) {
            if (rec.plan().stream().noneMatch(p -> contains(p.title(), title))) {
                d.add("plan: expected a step like '" + title + "', got " + rec.plan().stream().map(Advice.PlanStep::title).toList());
            }
        }
        e.sizing().forEach((name, range) -> {
            Advice.Sizing s = rec.sizing().stream().filter(x -> contains(x.name(), name)).findFirst().orElse(null);
            if (s == null) {
                d.add("sizing: no figure named like '" + name + "', got " + rec.sizing().stream().map(Advice.Sizing::name).toList());
            } else if (s.value() < range.get(0) || s.value() > range.get(1)) {
                d.add("sizing: expected " + s.name() + " in " + range(range) + ", got " + s.value() + " " + s.unit() + " (" + s.formula() + ")");
            }
        });
    }

    /** Whole-word match of every word of {@code name} in "vendor model": "L4" matches "NVIDIA L4" but not "NVIDIA L40S". */
    static boolean matches(String name, Accelerator a) {
        String full = a.vendor() + " " + a.model();
        return Pattern.compile("(?i)(?<![\\w])" + Pattern.quote(name.trim()) + "(?![\\w])").matcher(full).find();
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static String oneOf(List<String> values) {
        return values.size() == 1 ? values.get(0) : "one of " + values;
    }

    private static String range(List<Double> r) {
        return r.get(0).equals(r.get(1)) ? fmt(r.get(0)) : fmt(r.get(0)) + ".." + fmt(r.get(1));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
