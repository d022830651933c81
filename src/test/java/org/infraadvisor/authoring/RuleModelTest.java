package org.infraadvisor.authoring;

import org.infraadvisor.facts.Answer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysis reads what rules test from Drools' own descriptors, whatever way the constraint is written. */
class RuleModelTest {

    static final String DRL = """
            package rules.test;

            import org.infraadvisor.facts.Answer;
            import org.infraadvisor.facts.StrategyVote;
            import org.infraadvisor.facts.StrategyChoice;

            rule "Many forms"
                @description("reads many ways")
            when
                Answer(question == "utilization", value in ("bursty", "variable"))
                Answer(this.question == "model_size_b", known, number >= 70)
                Answer(question == "budget", value not in ("capex", "either"))
                Answer(question == "software_stack", has("cuda"))
                Answer(question == "network", $n : value)
                not Answer(question == "data_residency", value == "on-premises")
                Answer(question in ("latency", "workload"), unknown)
                Answer(question == "datacenter", value matches "high.*")
            then
                insert(new StrategyVote("cloud-first", 2, "x"));
                insert(new StrategyVote("hybrid", 1, "x"));
            end

            rule "Declared support"
                @description("says what it supports")
                @supports("on-prem")
            when
                eval(true)
            then
            end

            rule "Chooses"
            when
                accumulate( Answer(question == "horizon_years", $y : number); $max : max($y) )
            then
                insert(new StrategyChoice("on-prem", 1.0, "x"));
            end
            """;

    final RuleModel model = RuleModel.parse(Map.of("rules/test.drl", DRL));

    static Answer answer(String q, String value) {
        return new Answer(q, value, Double.NaN, List.of(value));
    }

    static Answer number(String q, double n) {
        return new Answer(q, String.valueOf(n), n, List.of());
    }

    @Test
    void readsQuestionsTestsAndPlacement() {
        RuleDef rule = model.rule("Many forms").orElseThrow();
        assertThat(rule.file()).isEqualTo("rules/test.drl");
        assertThat(rule.line()).isEqualTo(7);
        assertThat(rule.questionsRead()).containsExactly("utilization", "model_size_b", "budget", "software_stack", "network",
                "data_residency", "latency", "workload", "datacenter");
        List<AnswerPattern> p = rule.answers();
        assertThat(p.get(0).line()).isEqualTo(10);
        assertThat(p.get(0).tests()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(AnswerTest.Kind.VALUE);
            assertThat(t.literals()).containsExactly("bursty", "variable");
        });
        assertThat(p.get(1).tests()).extracting(AnswerTest::kind).containsExactly(AnswerTest.Kind.FLAG, AnswerTest.Kind.NUMBER);
        assertThat(p.get(2).tests()).singleElement().satisfies(t -> { assertThat(t.operator()).isEqualTo("!="); assertThat(t.literals()).containsExactly("capex", "either"); });
        assertThat(p.get(3).tests()).singleElement().satisfies(t -> assertThat(t.kind()).isEqualTo(AnswerTest.Kind.VALUES));
        assertThat(p.get(4).bindings()).containsExactly("$n");
        assertThat(p.get(5).placement()).isEqualTo(AnswerPattern.Placement.NEGATED);
        assertThat(p.get(6).questions()).containsExactly("latency", "workload");
        assertThat(p.get(7).tests()).singleElement().satisfies(t -> assertThat(t.kind()).isEqualTo(AnswerTest.Kind.OPAQUE));
        assertThat(rule.supports()).containsExactly("cloud-first", "hybrid");
        assertThat(rule.votes()).containsEntry("cloud-first", 2).containsEntry("hybrid", 1);
    }

    @Test
    void evaluatesTestsAgainstAnswersLikeDrools() {
        List<AnswerPattern> p = model.rule("Many forms").orElseThrow().answers();
        assertThat(p.get(0).matches(answer("utilization", "variable"))).contains(true);
        assertThat(p.get(0).matches(answer("utilization", "steady"))).contains(false);
        assertThat(p.get(1).matches(number("model_size_b", 70))).contains(true);
        assertThat(p.get(1).matches(number("model_size_b", 8))).contains(false);
        assertThat(p.get(1).matches(new Answer("model_size_b", Answer.UNKNOWN, Double.NaN, List.of()))).contains(false);
        assertThat(p.get(2).matches(answer("budget", "opex"))).contains(true);
        assertThat(p.get(2).matches(answer("budget", "either"))).contains(false);
        assertThat(p.get(3).matches(answer("software_stack", "cuda"))).contains(true);
        assertThat(p.get(6).matches(new Answer("latency", Answer.UNKNOWN, Double.NaN, List.of()))).contains(true);
        assertThat(p.get(7).matches(answer("datacenter", "high-density"))).isEmpty();
        assertThat(p.get(0).tests().get(0).needs(null)).isEqualTo("one of \"bursty\" or \"variable\"");
    }

    @Test
    void strategiesComeFromMetadataOrConsequences() {
        assertThat(model.rule("Declared support").orElseThrow().supports()).containsExactly("on-prem");
        assertThat(model.rule("Declared support").orElseThrow().otherConditions()).singleElement()
                .satisfies(c -> assertThat(c).startsWith("eval("));
        RuleDef chooses = model.rule("Chooses").orElseThrow();
        assertThat(chooses.decidesStrategy()).isTrue();
        assertThat(chooses.answers()).singleElement().satisfies(a -> {
            assertThat(a.placement()).isEqualTo(AnswerPattern.Placement.NESTED);
            assertThat(a.questions()).containsExactly("horizon_years");
        });
        assertThat(model.strategies()).containsExactlyInAnyOrder("cloud-first", "hybrid", "on-prem");
        assertThat(model.supporting("on-prem")).extracting(RuleDef::name).containsExactly("Declared support", "Chooses");
    }
}
