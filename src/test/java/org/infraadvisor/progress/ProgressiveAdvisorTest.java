package org.infraadvisor.progress;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.QuestionType;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.ShippedRules;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Preview, asking order, refinements and caching on the shipped rules and flow. */
class ProgressiveAdvisorTest {

    final RuleSet ruleSet = ShippedRules.ruleSet();
    final Flow flow = ruleSet.flow("infra-strategy").orElseThrow();
    final AdvisorEngine engine = new AdvisorEngine(10_000);
    final ProgressiveAdvisor advisor = new ProgressiveAdvisor(engine, 10_000, 1_000);

    @Test
    void aLoadForGuessesOutsideZeroToOneStopsTheStartNamingTheSetting() {
        for (double load : new double[]{0, -0.5, 1.5}) {
            assertThatThrownBy(() -> new ProgressiveAdvisor(engine, true, 1_000, 100, 0.1, 10, true, load, 2, 250))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("advisor.progress.speculate-max-load").hasMessageContaining(String.valueOf(load));
        }
        new ProgressiveAdvisor(engine, true, 1_000, 100, 0.1, 10, true, 1, 2, 250).close();
    }

    @Test
    void beforeTheFirstAnswerThereIsNoPreviewAndThePinnedWorkloadComesFirst() {
        Assessment start = advisor.assess(ruleSet, flow, Map.of());

        assertThat(start.preview()).isNull();
        assertThat(start.next()).hasValueSatisfying(q -> {
            assertThat(q.question().id()).isEqualTo("workload");
            assertThat(q.pinned()).isTrue();
        });
        assertThat(start.open()).as("every question applies while the answers its conditions test are unknown")
                .hasSize(flow.questions().size());
    }

    @Test
    void equallyDecisiveQuestionsComeByTheFlowsImportance() {
        List<String> tieBreak = flow.asking().tieBreak();
        List<String> importantEnough = flow.questions().stream()
                .filter(q -> q.importance() >= 1 && !flow.asking().pinned().contains(q.id())).map(q -> q.id()).toList();
        assertThat(tieBreak).as("the shipped tie-break names every question of importance 1 or more")
                .containsExactlyInAnyOrderElementsOf(importantEnough);

        Assessment a = advisor.assess(ruleSet, flow, Map.of("workload", "inference", "model_size_b", 70.0));
        int ties = 0;
        for (int i = 1; i < a.open().size(); i++) {
            OpenQuestion before = a.open().get(i - 1);
            OpenQuestion after = a.open().get(i);
            if (before.impact().decisiveness() == after.impact().decisiveness()) {
                ties++;
                assertThat(before.question().importance()).as(before.question().id() + " before " + after.question().id())
                        .isGreaterThanOrEqualTo(after.question().importance());
            }
        }
        assertThat(ties).as("questions that score the same").isPositive();
    }

    @Test
    void thePreviewIsTheAdviceForTheAnswersSoFar() {
        Map<String, Object> answers = Map.of("workload", "inference", "data_residency", "on-premises", "model_size_b", 405.0);

        Outcome preview = advisor.assess(ruleSet, flow, answers).preview();
        Advice full = engine.evaluate(ruleSet, flow, answers);

        assertThat(preview.strategy()).isEqualTo(full.strategy()).isEqualTo("on-prem");
        assertThat(preview.confidence()).isEqualTo(full.confidence());
        assertThat(preview.accelerator().model()).isEqualTo(full.accelerators().get(0).model());
        assertThat(preview.accelerator().count()).isEqualTo(full.accelerators().get(0).count());
    }

    @Test
    void theNextQuestionIsTheOneWhoseAnswersWouldChangeThePreviewMost() {
        Assessment a = advisor.assess(ruleSet, flow, Map.of("workload", "inference"));

        List<OpenQuestion> byDecisiveness = a.open().stream().filter(o -> !o.pinned()).toList();
        for (int i = 1; i < byDecisiveness.size(); i++) {
            assertThat(byDecisiveness.get(i - 1).impact().decisiveness())
                    .isGreaterThanOrEqualTo(byDecisiveness.get(i).impact().decisiveness());
        }
        OpenQuestion next = a.next().orElseThrow();
        assertThat(next.refinement()).isFalse();
        for (OpenQuestion choice : a.open().stream().filter(o -> o.question().type() != QuestionType.NUMBER).toList()) {
            assertThat(changing(Map.of("workload", "inference"), a.preview(), choice).size()).as("options of %s that change the preview: each counts", choice.question().id())
                    .isEqualTo(changes(choice.impact()));
        }
        OpenQuestion residency = a.open().stream().filter(o -> o.question().id().equals("data_residency")).findFirst().orElseThrow();
        assertThat(residency.impact().strategies()).as("data kept on premises rules out every cloud").contains("on-prem");
    }

    @Test
    void aNumberCountsEachDifferentAdviceItLeadsToOnceHoweverManySamplesFallInItsBand() {
        Map<String, Object> answers = Map.of("workload", "inference");
        Assessment a = advisor.assess(ruleSet, flow, answers);
        OpenQuestion sites = a.open().stream().filter(o -> o.question().id().equals("sites")).findFirst().orElseThrow();

        List<Outcome> changing = changing(answers, a.preview(), sites);

        assertThat(changing).as("10 and 100 sites both answer at the edge").hasSize(2);
        assertThat(changing.get(0).strategy()).isEqualTo(changing.get(1).strategy());
        assertThat(changing.get(0).accelerator().model()).isEqualTo(changing.get(1).accelerator().model());
        assertThat(changes(sites.impact())).as("one band of the rules (two sites or more), one change").isEqualTo(1);
        assertThat(sites.impact().decisiveness()).isEqualTo(a.preview().changeTo(changing.get(0)).weight());
    }

    /** The outcomes of the candidate answers to {@code q} (added to {@code answers}) that differ from the preview. */
    private List<Outcome> changing(Map<String, Object> answers, Outcome preview, OpenQuestion q) {
        return Candidates.of(flow, q.question()).stream().map(value -> {
            Map<String, Object> with = new LinkedHashMap<>(answers);
            with.put(q.question().id(), value);
            return outcome(engine.evaluate(ruleSet, flow, with));
        }).filter(o -> preview.changeTo(o) != Change.NONE).toList();
    }

    private static int changes(Impact impact) {
        return impact.strategy() + impact.accelerator() + impact.count() + impact.part();
    }

    private Outcome outcome(Advice r) {
        var top = r.accelerators().get(0);
        String family = ruleSet.accelerators().stream().filter(x -> x.getModel().equals(top.model())).findFirst().orElseThrow().getFamily();
        return new Outcome(r.strategy(), r.confidence(), new Outcome.Pick(top.vendor(), top.model(), family, top.count()));
    }

    @Test
    void questionsThatCannotChangeAnythingComeLastAsRefinements() {
        Map<String, Object> answers = new LinkedHashMap<>(Map.of("workload", "inference", "data_residency", "on-premises",
                "model_size_b", 70.0, "daily_requests", 200_000.0, "tokens_per_request", 1000.0, "serving_precision", "fp8",
                "latency", "interactive", "utilization", "steady", "software_stack", "cuda", "datacenter", "standard"));

        Assessment a = advisor.assess(ruleSet, flow, answers);

        assertThat(a.open()).extracting(o -> o.question().id()).doesNotContain("cloud_provider", "network", "training_tokens_b")
                .as("askIf keeps working: no cloud when data stays on premises, no network or training data for inference");
        assertThat(a.open()).anyMatch(OpenQuestion::refinement);
        int firstRefinement = a.open().indexOf(a.open().stream().filter(OpenQuestion::refinement).findFirst().orElseThrow());
        assertThat(a.open().subList(firstRefinement, a.open().size())).allMatch(OpenQuestion::refinement);
        assertThat(a.couldChange()).containsExactlyElementsOf(a.open().subList(0, firstRefinement).stream()
                .map(o -> o.question().id()).toList());
        for (OpenQuestion refinement : a.open().subList(firstRefinement, a.open().size())) {
            for (Object value : Candidates.of(flow, refinement.question())) {
                Map<String, Object> with = new LinkedHashMap<>(answers);
                with.put(refinement.question().id(), value);
                Advice r = engine.evaluate(ruleSet, flow, with);
                assertThat(r.strategy()).as(refinement.question().id() + " = " + value).isEqualTo(a.preview().strategy());
                assertThat(r.accelerators().get(0).model()).isEqualTo(a.preview().accelerator().model());
            }
        }
    }

    @Test
    void aStateSeenBeforeIsServedFromTheCacheUntilTheRulesChange() {
        Map<String, Object> answers = Map.of("workload", "training", "utilization", "bursty");
        Assessment first = advisor.assess(ruleSet, flow, answers);
        long evaluated = advisor.engineEvaluations();

        assertThat(advisor.assess(ruleSet, flow, new LinkedHashMap<>(answers))).isSameAs(first);
        assertThat(advisor.engineEvaluations()).isEqualTo(evaluated);

        RuleSet reloaded = new RuleSet(ruleSet.version() + "-reloaded", ruleSet.loadedAt(), ruleSet.kieBase(), ruleSet.flows(),
                ruleSet.accelerators(), ruleSet.assumptions(), ruleSet.rules(), ruleSet.sources(), ruleSet.phases());
        Assessment again = advisor.assess(reloaded, flow, answers);
        assertThat(again).isNotSameAs(first).isEqualTo(first);
        assertThat(advisor.engineEvaluations()).isGreaterThan(evaluated);
    }

    @Test
    void answersToQuestionsNoLongerAskedDoNotCount() {
        Assessment withStale = advisor.assess(ruleSet, flow, Map.of("workload", "inference", "network", "infiniband"));
        Assessment without = advisor.assess(ruleSet, flow, Map.of("workload", "inference"));

        assertThat(withStale).isSameAs(without);
    }
}
