package org.infraadvisor.progress;

import org.infraadvisor.authoring.RuleModel;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.FlowParser;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.ShippedRules;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rules can change the headline and which answers act alike on them, from what the rules read. */
class InfluenceTest {

    static final String DRL = """
            package rules.test;
            import org.infraadvisor.facts.Answer;
            import org.infraadvisor.facts.Risk;
            import org.infraadvisor.facts.StrategyVote;
            import org.infraadvisor.facts.StrategyChoice;

            rule "Vote"
            when
                Answer(question == "kind", value == "x")
            then
                insert(new StrategyVote("on-prem", 2, "x"));
            end

            rule "Choose"
            when
                not StrategyChoice()
                StrategyVote($s : strategy)
            then
                insert(new StrategyChoice($s, 0.5, "x"));
            end

            rule "Risk"
            when
                StrategyChoice()
                Answer(question == "note", $v : value)
            then
                insert(new Risk("low", "t", $v));
            end

            rule "Uses the size"
            when
                Answer(question == "size", known, $n : number)
            then
                insert(new StrategyVote("hybrid", 1, "size"));
            end
            """;

    static final Flow FLOW = FlowParser.parse("""
            id: f
            title: F
            questions:
              - { id: kind, text: "Kind?", type: choice, options: [{ value: x, label: X }, { value: y, label: Y }, { value: z, label: Z }] }
              - { id: note, text: "Note?", type: choice, options: [{ value: p, label: P }, { value: q, label: Q }] }
              - { id: size, text: "Size?", type: number, min: 1, max: 100 }
            """, "conversations/f.yaml", "f");

    final Influence influence = Influence.analyse(Set.of("Vote", "Choose", "Risk", "Uses the size"),
            RuleModel.parse(Map.of("rules/test.drl", DRL)));

    @Test
    void onlyRulesThatFeedTheStrategyOrTheAcceleratorsNeedToFire() {
        assertThat(influence.rulesToFire()).containsExactlyInAnyOrder("Vote", "Choose", "Uses the size");
        assertThat(influence.rulesToFire()).doesNotContain("Risk");
    }

    @Test
    void answersTheRulesCannotTellApartActAlike() {
        assertThat(influence.effect(FLOW, "kind", "y")).isEqualTo(influence.effect(FLOW, "kind", "z"))
                .isEqualTo(influence.effect(FLOW, "kind", AnswerValues.UNKNOWN));
        assertThat(influence.effect(FLOW, "kind", "x")).isNotEqualTo(influence.effect(FLOW, "kind", "y"));
    }

    @Test
    void onlyRulesOffTheHeadlineReadingAQuestionMakeAllItsAnswersActLikeUnknown() {
        assertThat(influence.effect(FLOW, "note", "p")).isEqualTo(influence.effect(FLOW, "note", "q"))
                .isEqualTo(influence.effect(FLOW, "note", AnswerValues.UNKNOWN));
    }

    @Test
    void aValueTheRuleBindsMakesEveryAnswerDifferent() {
        assertThat(influence.effect(FLOW, "size", 5.0)).isNotEqualTo(influence.effect(FLOW, "size", 50.0))
                .isNotEqualTo(influence.effect(FLOW, "size", AnswerValues.UNKNOWN));
    }

    @Test
    void aRuleTheAnalysisDoesNotKnowTurnsPruningOff() {
        Influence partial = Influence.analyse(Set.of("Vote", "Choose", "Risk", "Uses the size", "Written in a way the parser missed"),
                RuleModel.parse(Map.of("rules/test.drl", DRL)));

        assertThat(partial.rulesToFire()).contains("Risk");
        assertThat(partial.effect(FLOW, "kind", "y")).isNotEqualTo(partial.effect(FLOW, "kind", "z"));
    }

    @Test
    void onTheShippedRulesCostsRisksReadinessAndPlanNeedNotFire() {
        RuleSet ruleSet = ShippedRules.ruleSet();
        Influence shipped = Influence.of(ruleSet);

        assertThat(shipped.rulesToFire()).contains("Add up the strategy votes", "Recommend the five best-ranked accelerators",
                "Data kept on premises rules out every cloud", "Share of the important questions answered");
        assertThat(shipped.rulesToFire()).doesNotContain("Plan: resolve the blockers first", "Frontier-scale training needs megawatts",
                "Unknown answers that would change the advice most");
        Flow flow = ruleSet.flow("infra-strategy").orElseThrow();
        assertThat(shipped.effect(flow, "data_pipeline", "manual")).as("only counted as known by the confidence rule")
                .isEqualTo(shipped.effect(flow, "data_pipeline", "streaming"))
                .isNotEqualTo(shipped.effect(flow, "data_pipeline", AnswerValues.UNKNOWN));
        assertThat(shipped.effect(flow, "cloud_provider", "aws")).isNotEqualTo(shipped.effect(flow, "cloud_provider", "gcp"));
    }
}
