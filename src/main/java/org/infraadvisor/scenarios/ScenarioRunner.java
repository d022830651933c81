package org.infraadvisor.scenarios;

import io.micronaut.json.tree.JsonNode;
import org.infraadvisor.advice.Recommendation;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.InvalidAnswerException;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Runs scenarios against a rule set. Minimal stand-in for the knowledge base's runner: checks the strategy. */
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
            return new ScenarioResult(scenario, List.of(scenario.location() + ": no flow '" + scenario.flow() + "'"), null, Set.of());
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : scenario.answers().entrySet()) {
            Question q = flow.question(e.getKey()).orElse(null);
            if (q == null) {
                differences.add(scenario.location() + ": flow '" + flow.id() + "' has no question '" + e.getKey() + "'");
                continue;
            }
            try {
                answers.put(q.id(), AnswerValues.canonical(q, json(e.getValue())));
            } catch (InvalidAnswerException ex) {
                differences.add(scenario.location() + ": " + ex.getMessage());
            }
        }
        if (!differences.isEmpty()) {
            return new ScenarioResult(scenario, List.copyOf(differences), null, Set.of());
        }
        Recommendation rec = engine.evaluate(ruleSet, flow, answers);
        Set<String> fired = new LinkedHashSet<>();
        rec.explanation().forEach(step -> fired.add(step.rule()));
        if (!scenario.strategyOneOf().isEmpty() && !scenario.strategyOneOf().contains(rec.strategy())) {
            differences.add("strategy: expected " + String.join(" or ", scenario.strategyOneOf()) + ", got " + rec.strategy()
                    + " (" + rec.summary() + ")");
        }
        return new ScenarioResult(scenario, List.copyOf(differences), rec, fired);
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
}
