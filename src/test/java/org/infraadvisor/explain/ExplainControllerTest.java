package org.infraadvisor.explain;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.http.EvaluateController.EvaluateResponse;
import org.infraadvisor.http.ExplainController.ConversationExplanation;
import org.infraadvisor.testsupport.AdvisorClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.testsupport.Problems.assertProblem;

@MicronautTest
class ExplainControllerTest {

    static final Map<String, Object> CLOUD_LEANING = Map.of("workload", "inference", "model_size_b", 70,
            "utilization", "bursty", "budget", "opex", "ops_skills", "none", "data_residency", "none");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AdvisorClient api;

    EvaluateResponse evaluate(Map<String, Object> answers, boolean explain) {
        return api.evaluate(Map.of("flow", "infra-strategy", "answers", answers, "explain", explain));
    }

    static Explanation.WhyNot whyNot(Explanation explanation, String strategy) {
        return explanation.whyNot().stream().filter(w -> strategy.equals(w.strategy())).findFirst().orElseThrow();
    }

    /** Every step of the chain, depth first. */
    static List<Explanation.Step> steps(Explanation.Step step) {
        List<Explanation.Step> all = new ArrayList<>();
        all.add(step);
        step.from().forEach(s -> all.addAll(steps(s)));
        return all;
    }

    @Test
    void evaluateWithoutExplainIsUnchanged() {
        String body = http.toBlocking().retrieve(HttpRequest.POST("/api/evaluate",
                Map.of("flow", "infra-strategy", "answers", CLOUD_LEANING)), String.class);
        assertThat(body).startsWith("{\"recommendation\":").doesNotContain("\"explanation\"");
        EvaluateResponse evaluated = evaluate(CLOUD_LEANING, false);
        assertThat(evaluated.explanation()).isNull();
        assertThat(evaluated.recommendation().explanation()).isNull();
    }

    @Test
    void whyTracesTheRecommendationThroughRulesAndFactsToTheAnswers() {
        Map<String, Object> answers = new java.util.HashMap<>(CLOUD_LEANING);
        answers.put("data_residency", "on-premises");
        EvaluateResponse body = evaluate(answers, true);
        RecommendationDocument rec = body.recommendation();
        Explanation explanation = body.explanation();
        assertThat(explanation.strategy()).isEqualTo(rec.strategy());
        assertThat(explanation.rulesVersion()).isEqualTo(rec.rulesVersion());
        assertThat(rec.strategy()).isEqualTo("on-prem");

        Explanation.Step why = explanation.why();
        List<Explanation.Step> chain = steps(why);
        List<String> firedRules = rec.explanation().stream().map(RecommendationDocument.ExplanationStep::rule).toList();
        assertThat(chain).extracting(Explanation.Step::rule).allSatisfy(r -> assertThat(firedRules).contains(r));
        assertThat(why.concluded()).contains("On-premises");
        assertThat(chain).anySatisfy(s -> assertThat(s.answers()).contains("data_residency"));
        RecommendationDocument.AnswerText residency = rec.answers().get("data_residency");
        assertThat(residency.value()).isEqualTo("on-premises");
        assertThat(residency.label()).isEqualTo("Inside our own facilities only");
        // every rule the trace and the explanation name is described once in the recommendation
        assertThat(rec.rules()).containsKeys(chain.stream().map(Explanation.Step::rule).toArray(String[]::new));
        assertThat(rec.rules()).containsKeys(firedRules.toArray(String[]::new));
        // the trace leaves out the plumbing (rules that load the catalogue or pass a derived figure on), and the
        // rules map does not describe it
        List<String> inChain = chain.stream().map(Explanation.Step::rule).toList();
        assertThat(rec.explanation()).allSatisfy(s -> assertThat(!s.answers().isEmpty() || !s.concluded().isEmpty() || inChain.contains(s.rule()))
                .as("step %s matched an answer, concluded something shown or is in the why chain", s.rule()).isTrue());
        assertThat(firedRules).doesNotContain("inputs.pricing");
        assertThat(rec.rules()).doesNotContainKey("inputs.pricing");
    }

    @Test
    void whyNotSaysWhichConditionsFailedInPlainWords() {
        EvaluateResponse body = evaluate(CLOUD_LEANING, true);
        Explanation explanation = body.explanation();
        assertThat(explanation.strategy()).isEqualTo("cloud-first");
        assertThat(explanation.whyNot()).extracting(Explanation.WhyNot::strategy)
                .contains("on-prem", "hybrid").doesNotContain("cloud-first");

        Explanation.WhyNot onPrem = whyNot(explanation, "on-prem");
        assertThat(onPrem.summary()).contains("Cloud-first was recommended rather than On-premises");
        List<Explanation.RuleCheck> rules = onPrem.rules();
        assertThat(rules).isNotEmpty().allSatisfy(r -> {
            assertThat(r.rule()).isNotBlank();
            assertThat(r.file()).isNotBlank();
            assertThat(r.verdict()).isNotBlank();
        });
        // a rule for on-prem that needs a capital budget did not fire, and its condition says so with the user's
        // actual answer, in the words of the options (no question ids, no option values), once
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.fired()).isFalse();
            assertThat(r.verdict()).startsWith("did not fire").doesNotContain("budget");
            assertThat(r.conditions()).anySatisfy(c -> {
                assertThat(c.question()).isEqualTo("budget");
                assertThat(c.met()).isFalse();
                assertThat(c.answer()).isEqualTo("opex");
                assertThat(c.explanation()).isEqualTo("needs \"Up-front purchase (capex)\"; you answered \"Monthly (opex)\"");
            });
        });
        assertThat(onPrem.summary()).contains("\"A capital budget makes owning possible\"")
                .doesNotContain("needs").doesNotContain("budget.a-capital");
        List<Explanation.Standing> standings = explanation.standings();
        assertThat(standings.get(0).strategy()).isEqualTo("cloud-first");
        assertThat(standings.get(0).chosen()).isTrue();
        assertThat(standings.get(0).votes()).allSatisfy(v -> assertThat(v.answers()).isNotEmpty());
        Map<String, RecommendationDocument.RuleText> rulesDescribed = body.recommendation().rules();
        assertThat(rules).allSatisfy(r -> assertThat(rulesDescribed).containsKey(r.rule()));
    }

    @Test
    void conversationExplainUsesItsAnswers() {
        String id = api.start().id();
        api.answer(id, "workload", "training");
        api.answer(id, "model_size_b", 400);
        api.answer(id, "utilization", "steady");

        ConversationExplanation body = api.explain(id);
        assertThat(body.conversation()).isEqualTo(id);
        assertThat(body.complete()).isFalse();
        Explanation explanation = body.explanation();
        assertThat(explanation.answers()).contains("utilization")
                .doesNotContain("latency"); // not asked for training
        RecommendationDocument rec = body.recommendation();
        assertThat(rec.answers().get("utilization").value()).isEqualTo("steady");
        assertThat(rec.explanation()).as("the firing trace comes with the explanation").isNotEmpty();
        assertThat(explanation.strategy()).isNotNull();
    }

    @Test
    void unknownConversationIs404() {
        assertProblem(HttpStatus.NOT_FOUND, null, () -> api.explain("nope"));
    }
}
