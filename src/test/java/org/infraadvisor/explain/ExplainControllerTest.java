package org.infraadvisor.explain;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
@SuppressWarnings("unchecked")
class ExplainControllerTest {

    static final Map<String, Object> CLOUD_LEANING = Map.of("workload", "inference", "model_size_b", 70,
            "utilization", "bursty", "budget", "opex", "ops_skills", "none", "data_residency", "none");

    @Inject
    @Client("/")
    HttpClient http;

    Map<String, Object> post(String path, Object body) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body), Map.class);
    }

    static Map<String, Object> whyNot(Map<String, Object> explanation, String strategy) {
        return ((List<Map<String, Object>>) explanation.get("whyNot")).stream()
                .filter(w -> strategy.equals(w.get("strategy"))).findFirst().orElseThrow();
    }

    /** Every step of the chain, depth first. */
    static List<Map<String, Object>> steps(Map<String, Object> step) {
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(step);
        ((List<Map<String, Object>>) step.get("from")).forEach(s -> all.addAll(steps(s)));
        return all;
    }

    @Test
    void evaluateWithoutExplainIsUnchanged() {
        Map<String, Object> body = post("/api/evaluate", Map.of("flow", "infra-strategy", "answers", CLOUD_LEANING));
        assertThat(body).containsOnlyKeys("recommendation");
        assertThat((Map<String, Object>) body.get("recommendation")).doesNotContainKey("explanation");
    }

    @Test
    void whyTracesTheRecommendationThroughRulesAndFactsToTheAnswers() {
        Map<String, Object> answers = new java.util.HashMap<>(CLOUD_LEANING);
        answers.put("data_residency", "on-premises");
        Map<String, Object> body = post("/api/evaluate", Map.of("flow", "infra-strategy", "answers", answers, "explain", true));
        Map<String, Object> rec = (Map<String, Object>) body.get("recommendation");
        Map<String, Object> explanation = (Map<String, Object>) body.get("explanation");
        assertThat(explanation).containsEntry("strategy", rec.get("strategy")).containsEntry("rulesVersion", rec.get("rulesVersion"));
        assertThat(rec).containsEntry("strategy", "on-prem");

        Map<String, Object> why = (Map<String, Object>) explanation.get("why");
        List<Map<String, Object>> chain = steps(why);
        List<String> firedRules = ((List<Map<String, Object>>) rec.get("explanation")).stream().map(s -> (String) s.get("rule")).toList();
        assertThat(chain).extracting(s -> (String) s.get("rule")).allSatisfy(r -> assertThat(firedRules).contains(r));
        assertThat((String) why.get("concluded")).contains("On-premises");
        assertThat(chain).anySatisfy(s -> assertThat((List<String>) s.get("answers")).contains("data_residency"));
        Map<String, Map<String, Object>> described = (Map<String, Map<String, Object>>) rec.get("answers");
        assertThat(described.get("data_residency")).containsEntry("value", "on-premises")
                .containsEntry("label", "Inside our own facilities only");
        // every rule the trace and the explanation name is described once in the recommendation
        Map<String, Object> rules = (Map<String, Object>) rec.get("rules");
        assertThat(rules).containsKeys(chain.stream().map(s -> (String) s.get("rule")).toArray(String[]::new));
        assertThat(rules).containsKeys(firedRules.toArray(String[]::new));
        // the trace leaves out the plumbing (rules that load the catalogue or pass a derived figure on), and the
        // rules map does not describe it
        List<String> inChain = chain.stream().map(s -> (String) s.get("rule")).toList();
        assertThat((List<Map<String, Object>>) rec.get("explanation")).allSatisfy(s -> assertThat(
                !((List<?>) s.get("answers")).isEmpty() || !((List<?>) s.get("concluded")).isEmpty() || inChain.contains(s.get("rule")))
                .as("step %s matched an answer, concluded something shown or is in the why chain", s.get("rule")).isTrue());
        assertThat(firedRules).doesNotContain("inputs.pricing");
        assertThat(rules).doesNotContainKey("inputs.pricing");
    }

    @Test
    void whyNotSaysWhichConditionsFailedInPlainWords() {
        Map<String, Object> body = post("/api/evaluate", Map.of("flow", "infra-strategy", "answers", CLOUD_LEANING, "explain", true));
        Map<String, Object> explanation = (Map<String, Object>) body.get("explanation");
        assertThat(explanation).containsEntry("strategy", "cloud-first");
        assertThat((List<Map<String, Object>>) explanation.get("whyNot")).extracting(w -> w.get("strategy"))
                .contains("on-prem", "hybrid").doesNotContain("cloud-first");

        Map<String, Object> onPrem = whyNot(explanation, "on-prem");
        assertThat((String) onPrem.get("summary")).contains("Cloud-first was recommended rather than On-premises");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) onPrem.get("rules");
        assertThat(rules).isNotEmpty().allSatisfy(r -> assertThat(r).containsKeys("rule", "file", "line", "fired", "verdict"));
        // a rule for on-prem that needs a capital budget did not fire, and its condition says so with the user's
        // actual answer, in the words of the options (no question ids, no option values), once
        assertThat(rules).anySatisfy(r -> {
            assertThat(r).containsEntry("fired", false);
            assertThat((String) r.get("verdict")).startsWith("did not fire").doesNotContain("budget");
            assertThat((List<Map<String, Object>>) r.get("conditions")).anySatisfy(c -> {
                assertThat(c).containsEntry("question", "budget").containsEntry("met", false).containsEntry("answer", "opex");
                assertThat((String) c.get("explanation"))
                        .isEqualTo("needs \"Up-front purchase (capex)\"; you answered \"Monthly (opex)\"");
            });
        });
        assertThat((String) onPrem.get("summary")).contains("\"A capital budget makes owning possible\"")
                .doesNotContain("needs").doesNotContain("budget.a-capital");
        List<Map<String, Object>> standings = (List<Map<String, Object>>) explanation.get("standings");
        assertThat(standings.get(0)).containsEntry("strategy", "cloud-first").containsEntry("chosen", true);
        assertThat((List<Map<String, Object>>) standings.get(0).get("votes")).allSatisfy(v ->
                assertThat((List<?>) v.get("answers")).isNotEmpty());
        Map<String, Object> rulesDescribed = (Map<String, Object>) ((Map<String, Object>) body.get("recommendation")).get("rules");
        assertThat(rules).allSatisfy(r -> assertThat(rulesDescribed).containsKey((String) r.get("rule")));
    }

    @Test
    void conversationExplainUsesItsAnswers() {
        Map<String, Object> c = post("/api/conversations", Map.of("flow", "infra-strategy"));
        String id = (String) c.get("id");
        post("/api/conversations/" + id + "/answers", Map.of("question", "workload", "value", "training"));
        post("/api/conversations/" + id + "/answers", Map.of("question", "model_size_b", "value", 400));
        post("/api/conversations/" + id + "/answers", Map.of("question", "utilization", "value", "steady"));

        Map<String, Object> body = http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id + "/explain"), Map.class);
        assertThat(body).containsEntry("conversation", id).containsEntry("complete", false);
        Map<String, Object> explanation = (Map<String, Object>) body.get("explanation");
        assertThat((List<String>) explanation.get("answers")).contains("utilization")
                .doesNotContain("latency"); // not asked for training
        Map<String, Object> rec = (Map<String, Object>) body.get("recommendation");
        assertThat((Map<String, Map<String, Object>>) rec.get("answers")).extractingByKey("utilization")
                .satisfies(a -> assertThat(a).containsEntry("value", "steady"));
        assertThat((List<?>) rec.get("explanation")).as("the firing trace comes with the explanation").isNotEmpty();
        assertThat(explanation.get("strategy")).isNotNull();
    }

    @Test
    void unknownConversationIs404() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/conversations/nope/explain"), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
    }
}
