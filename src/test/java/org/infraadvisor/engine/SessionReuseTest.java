package org.infraadvisor.engine;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.testsupport.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions are pooled: nothing of one evaluation may leak into the next, not even after a rule loop was stopped. */
class SessionReuseTest {

    static final Map<String, Object> ON_PREM = Map.of("workload", "inference", "model_size_b", 70.0,
            "data_residency", "on-premises", "budget", "capex", "utilization", "steady");
    static final Map<String, Object> CLOUD = Map.of("workload", "training", "model_size_b", 0.5,
            "data_residency", "none", "budget", "opex", "utilization", "bursty", "ops_skills", "none");

    @TempDir
    Path tmp;

    @Test
    void aReusedSessionGivesTheSameAdviceAsAFreshOne() {
        RuleSet ruleSet = RuleSetLoader.load(Path.of("rules"), Path.of("conversations"));
        Flow flow = ruleSet.flow("infra-strategy").orElseThrow();
        AdvisorEngine engine = new AdvisorEngine(10_000);

        Advice first = engine.evaluate(ruleSet, flow, ON_PREM);
        Advice other = engine.evaluate(ruleSet, flow, CLOUD);
        Advice again = engine.evaluate(ruleSet, flow, ON_PREM);

        assertThat(again).isEqualTo(first);
        assertThat(new AdvisorEngine(10_000).evaluate(ruleSet, flow, CLOUD)).isEqualTo(other);
        assertThat(other.strategy()).isNotEqualTo(first.strategy());
    }

    @Test
    void aSessionStoppedInALoopIsCleanForTheNextEvaluation() throws IOException {
        Path rules = Folders.copy(Path.of("rules"), tmp.resolve("rules"));
        Files.writeString(rules.resolve("strategy/loops.drl"), """
                package rules.strategy;
                import org.infraadvisor.facts.Answer;
                rule "Re-triggers itself on a capex budget"
                    @description("A broken rule: it updates the fact it matches, without a guard.")
                when
                    $a : Answer(question == "budget", value == "capex")
                then
                    update($a);
                end
                """);
        RuleSet ruleSet = RuleSetLoader.load(rules, Path.of("conversations"));
        Flow flow = ruleSet.flow("infra-strategy").orElseThrow();
        AdvisorEngine engine = new AdvisorEngine(200);

        assertThatThrownBy(() -> engine.evaluate(ruleSet, flow, ON_PREM)).isInstanceOf(AdvisorEngine.RuleLoopException.class);
        Advice afterLoop = engine.evaluate(ruleSet, flow, CLOUD);

        assertThat(afterLoop).isEqualTo(new AdvisorEngine(200).evaluate(ruleSet, flow, CLOUD));
        assertThat(afterLoop.strategy()).isNotNull();
    }
}
