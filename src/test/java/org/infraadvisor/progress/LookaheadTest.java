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
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search two answers deep on the shipped rules: a question none of whose answers changes the preview alone, but
 * some of whose answers change the advice once one of the most decisive questions is answered, is ranked by that and
 * is no refinement — checked against the full evaluation ({@link AdvisorEngine#evaluate}).
 */
class LookaheadTest {

    final RuleSet ruleSet = ShippedRules.ruleSet();
    final AdvisorEngine engine = new AdvisorEngine(10_000);
    final ProgressiveAdvisor advisor = new ProgressiveAdvisor(engine, 50_000, 5_000);
    final ProgressiveAdvisor oneDeep = new ProgressiveAdvisor(new EngineOutcomes(engine), 50_000, 5_000, 0);

    /** A state of a conversation asked in the advisor's order, and a question that changes something only together. */
    record Found(Flow flow, Map<String, Object> answers, Assessment assessment, OpenQuestion quiet) {
    }

    @Test
    void aQuestionThatChangesTheAdviceOnlyTogetherWithAnotherAnswerIsRankedByItAndIsNoRefinement() {
        List<Found> found = quietQuestions(6);
        assertThat(found).as("the shipped scenarios reach states where an answer matters only with another").isNotEmpty();

        for (Found f : found.subList(0, Math.min(3, found.size()))) {
            Impact impact = f.quiet().impact();
            assertThat(impact.changesAlone()).isFalse();
            assertThat(impact.decisiveness()).isEqualTo(impact.together()).isPositive();
            assertThat(f.quiet().refinement()).isFalse();
            assertThat(f.assessment().couldChange()).contains(f.quiet().question().id());
            Assessment alone = oneDeep.assess(ruleSet, f.flow(), f.answers());
            assertThat(changesWithAnotherAnswer(f, partners(alone))).as("%s after %s", f.quiet().question().id(), f.answers()).isTrue();
            OpenQuestion same = alone.open().stream().filter(o -> o.question().id().equals(f.quiet().question().id())).findFirst().orElseThrow();
            assertThat(same.refinement()).as("one answer ahead it is a refinement").isTrue();
            assertThat(same.impact().together()).isZero();
        }
    }

    @Test
    void refinementsChangeNothingTogetherWithTheAnswersOfTheMostDecisiveQuestions() {
        Flow flow = ruleSet.flow("infra-strategy").orElseThrow();
        Map<String, Object> answers = Map.of("workload", "inference", "data_residency", "on-premises", "model_size_b", 70.0);
        Assessment a = advisor.assess(ruleSet, flow, answers);
        List<OpenQuestion> partners = partners(a);
        assertThat(partners).isNotEmpty();
        for (OpenQuestion refinement : a.open().stream().filter(OpenQuestion::refinement).toList()) {
            for (OpenQuestion partner : partners) {
                for (Object p : Candidates.of(flow, partner.question())) {
                    Map<String, Object> withPartner = with(flow, answers, partner.question().id(), p);
                    Advice before = engine.evaluate(ruleSet, flow, withPartner);
                    for (Object v : Candidates.of(flow, refinement.question())) {
                        Advice after = engine.evaluate(ruleSet, flow, with(flow, withPartner, refinement.question().id(), v));
                        assertThat(sameHeadline(before, after)).as("%s = %s after %s = %s", refinement.question().id(), v,
                                partner.question().id(), p).isTrue();
                    }
                }
            }
        }
    }

    /** The questions a quiet one is paired with: the first ones asked that change the preview alone. */
    private static List<OpenQuestion> partners(Assessment a) {
        return a.open().stream().filter(o -> o.impact().changesAlone()).limit(ProgressiveAdvisor.DEFAULT_PARTNERS).toList();
    }

    /** Whether some answer to the quiet question changes the advice after some answer to one of the partners. */
    private boolean changesWithAnotherAnswer(Found f, List<OpenQuestion> partners) {
        for (OpenQuestion partner : partners) {
            for (Object p : Candidates.of(f.flow(), partner.question())) {
                Map<String, Object> withPartner = with(f.flow(), f.answers(), partner.question().id(), p);
                Advice before = engine.evaluate(ruleSet, f.flow(), withPartner);
                for (Object v : Candidates.of(f.flow(), f.quiet().question())) {
                    Advice after = engine.evaluate(ruleSet, f.flow(), with(f.flow(), withPartner, f.quiet().question().id(), v));
                    if (!sameHeadline(before, after) || countMoves(before, after)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private List<Found> quietQuestions(int scenarioCount) {
        List<Found> found = new ArrayList<>();
        for (Scenario scenario : ScenarioLoader.load(Path.of("rules/scenarios")).subList(0, scenarioCount)) {
            Flow flow = ruleSet.flow(scenario.flow()).orElseThrow();
            Map<String, Object> given = ScenarioRunner.canonicalAnswers(flow, scenario, new ArrayList<>());
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Assessment a = advisor.assess(ruleSet, flow, answers); a.next().isPresent(); a = advisor.assess(ruleSet, flow, answers)) {
                Map<String, Object> state = Map.copyOf(answers);
                Assessment here = a;
                a.open().stream().filter(o -> o.impact().together() > 0).findFirst()
                        .ifPresent(o -> found.add(new Found(flow, state, here, o)));
                String q = a.next().get().question().id();
                answers.put(q, given.getOrDefault(q, AnswerValues.UNKNOWN));
            }
        }
        return found;
    }

    private static Map<String, Object> with(Flow flow, Map<String, Object> answers, String question, Object value) {
        Map<String, Object> with = new LinkedHashMap<>(answers);
        with.put(question, value);
        return new DialogueState(flow, with).effectiveAnswers();
    }

    private static boolean sameHeadline(Advice a, Advice b) {
        return Objects.equals(a.strategy(), b.strategy()) && Objects.equals(top(a), top(b));
    }

    private static boolean countMoves(Advice a, Advice b) {
        return !a.accelerators().isEmpty() && !b.accelerators().isEmpty() && Math.abs(b.accelerators().get(0).count()
                - a.accelerators().get(0).count()) > Change.COUNT_TOLERANCE * a.accelerators().get(0).count();
    }

    private static String top(Advice r) {
        return r.accelerators().isEmpty() ? null : r.accelerators().get(0).vendor() + " " + r.accelerators().get(0).model();
    }
}
