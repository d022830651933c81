package org.infraadvisor.progress;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.ShippedRules;
import org.infraadvisor.scenarios.Scenario;
import org.infraadvisor.scenarios.ScenarioLoader;
import org.infraadvisor.scenarios.ScenarioRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview never disagrees with the full evaluation ({@link AdvisorEngine#evaluate}, what {@code POST
 * /api/evaluate} returns) for the same answers: for every scenario file after each of its answers in the flow's
 * order and for random subsets of them (the outcome the advisor computes for the preview and for every candidate
 * answer), and for a sample of scenarios after each answer of a conversation asked in the advisor's order.
 * {@code bench/run progress} checks the advisor's order on every scenario.
 */
class PreviewAgreesWithEvaluationTest {

    final RuleSet ruleSet = ShippedRules.ruleSet();
    final AdvisorEngine engine = new AdvisorEngine(10_000);
    final EngineOutcomes outcomes = new EngineOutcomes(engine);
    final ProgressiveAdvisor advisor = new ProgressiveAdvisor(engine, 50_000, 5_000);
    /** One cache over every state below: states it takes for the same (same effects of the answers) must agree too. */
    final CachedOutcomes cached = new CachedOutcomes(outcomes, 50_000);
    final Random random = new Random(13);
    final List<Scenario> scenarios = ScenarioLoader.load(Path.of("rules/scenarios"));

    @Test
    void overEveryScenarioTheOutcomeIsTheHeadOfTheFullAdvice() {
        // on the KieBase of only the headline rules (made in the background after the first headline evaluation)
        assertThat(engine.awaitHeadlineRules(ruleSet, Influence.of(ruleSet).rulesToFire())).isTrue();
        int compared = 0;
        for (Scenario scenario : scenarios) {
            Flow flow = ruleSet.flow(scenario.flow()).orElseThrow();
            Map<String, Object> given = answers(flow, scenario);
            Map<String, Object> answers = new LinkedHashMap<>();
            for (var next = new DialogueState(flow, answers).next(); next.isPresent(); next = new DialogueState(flow, answers).next()) {
                answers.put(next.get().id(), given.getOrDefault(next.get().id(), AnswerValues.UNKNOWN));
                assertAgrees(scenario, flow, answers, outcomes.outcome(ruleSet, flow, new DialogueState(flow, answers).effectiveAnswers()));
                assertAgrees(scenario, flow, answers, cached.outcome(ruleSet, flow, new DialogueState(flow, answers).effectiveAnswers()));
                compared++;
            }
            for (int i = 0; i < 3; i++) {
                Map<String, Object> subset = new LinkedHashMap<>();
                given.forEach((q, v) -> {
                    if (random.nextBoolean()) {
                        subset.put(q, v);
                    }
                });
                assertAgrees(scenario, flow, subset, outcomes.outcome(ruleSet, flow, new DialogueState(flow, subset).effectiveAnswers()));
                assertAgrees(scenario, flow, subset, cached.outcome(ruleSet, flow, new DialogueState(flow, subset).effectiveAnswers()));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(scenarios.size() * 10);
        assertThat(cached.evaluated()).as("states told apart only by answers that act alike share an outcome").isLessThan(compared);
    }

    @Test
    void askedInTheAdvisorsOrderThePreviewIsTheHeadOfTheFullAdvice() {
        for (int s = 0; s < scenarios.size(); s += 6) {
            Scenario scenario = scenarios.get(s);
            Flow flow = ruleSet.flow(scenario.flow()).orElseThrow();
            Map<String, Object> given = answers(flow, scenario);
            Map<String, Object> answers = new LinkedHashMap<>();
            assertThat(advisor.assess(ruleSet, flow, answers).preview()).isNull();
            for (var next = advisor.assess(ruleSet, flow, answers).next(); next.isPresent(); next = advisor.assess(ruleSet, flow, answers).next()) {
                String q = next.get().question().id();
                answers.put(q, given.getOrDefault(q, AnswerValues.UNKNOWN));
                assertAgrees(scenario, flow, answers, advisor.assess(ruleSet, flow, answers).preview());
            }
        }
    }

    private static Map<String, Object> answers(Flow flow, Scenario scenario) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> given = ScenarioRunner.canonicalAnswers(flow, scenario, problems);
        assertThat(problems).isEmpty();
        return given;
    }

    private void assertAgrees(Scenario scenario, Flow flow, Map<String, Object> answers, Outcome preview) {
        Advice full = engine.evaluate(ruleSet, flow, new DialogueState(flow, answers).effectiveAnswers());
        String where = scenario.file() + " with " + answers;
        assertThat(preview.strategy()).as(where).isEqualTo(full.strategy());
        assertThat(preview.confidence()).as(where).isEqualTo(full.confidence());
        if (full.accelerators().isEmpty()) {
            assertThat(preview.accelerator()).as(where).isNull();
        } else {
            Advice.Accelerator top = full.accelerators().get(0);
            assertThat(preview.accelerator()).as(where).isNotNull();
            assertThat(List.of(preview.accelerator().vendor(), preview.accelerator().model(), preview.accelerator().count()))
                    .as(where).containsExactly(top.vendor(), top.model(), top.count());
        }
    }
}
