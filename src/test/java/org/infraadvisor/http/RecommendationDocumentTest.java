package org.infraadvisor.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.document.RecommendationDocument.Reasons;
import org.infraadvisor.document.RecommendationDocument.Vote;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.Documents;
import org.infraadvisor.testsupport.JsonShape;
import org.infraadvisor.testsupport.Samples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recommendation document of issue 11: each answer and each rule described once, reasons by id that name only
 * the rules that concluded an item, votes, and for a strategy chosen by votes the votes and answers that decided it.
 */
@MicronautTest
class RecommendationDocumentTest {

    static final List<String> ITEM_LISTS = List.of("accelerators", "risks", "readiness", "plan", "sizing", "costs");

    @Inject
    @Client("/")
    HttpClient http;

    /** The response of {@code POST /api/evaluate} as it comes over the wire: only a recommendation. */
    JsonNode evaluateRaw(Map<String, Object> answers) {
        String body = http.toBlocking().retrieve(HttpRequest.POST("/api/evaluate",
                Map.of("flow", "infra-strategy", "answers", answers)), String.class);
        JsonNode tree = JsonShape.tree(body);
        assertThat(JsonShape.keys(tree)).containsExactly("recommendation");
        return tree.get("recommendation");
    }

    static RecommendationDocument typed(JsonNode recommendation) {
        return Api.read(Api.write(recommendation), RecommendationDocument.class);
    }

    RecommendationDocument evaluate(Map<String, Object> answers) {
        return typed(evaluateRaw(answers));
    }

    @Test
    void everyAnswerAndRuleIsDescribedOnceAndReferredToById() {
        JsonNode raw = evaluateRaw(Samples.benchAnswers());
        RecommendationDocument rec = typed(raw);
        RecommendationDocument.AnswerText requests = rec.answers().get("daily_requests");
        assertThat(requests.text()).isEqualTo("How many requests per day do you expect in production?");
        assertThat(requests.value()).isEqualTo(2_000_000.0);
        assertThat(requests.label()).isEqualTo("2,000,000 requests/day");
        assertThat(rec.answers().get("cloud_provider").value()).isEqualTo("aws");
        assertThat(rec.answers().get("cloud_provider").label()).isEqualTo("AWS");
        for (JsonNode rule : raw.get("rules").values()) {
            assertThat(JsonShape.keys(rule)).contains("name", "description", "rationale", "file");
        }
        assertThat(rec.rules().keySet()).allSatisfy(id -> assertThat(id).matches("[a-z0-9-]+\\.[a-z0-9-]+"));
        assertThat(rec.rules()).containsKey("votes.above-break-even");

        List<JsonNode> rawReasons = new ArrayList<>();
        for (String list : ITEM_LISTS) {
            JsonShape.elements(raw.get(list)).forEach(item -> rawReasons.add(item.get("reasons")));
        }
        rawReasons.add(raw.get("strategyReasons"));
        assertThat(rawReasons).isNotEmpty().allSatisfy(r -> assertThat(JsonShape.keys(r)).containsExactlyInAnyOrder("rules", "answers"));
        List<Reasons> all = Documents.allReasons(rec);
        assertThat(all).hasSameSizeAs(rawReasons).allSatisfy(r -> {
            assertThat(rec.rules().keySet()).containsAll(r.rules());
            assertThat(rec.answers().keySet()).containsAll(r.answers());
        });
        List<String> cited = new ArrayList<>();
        all.forEach(r -> cited.addAll(r.rules()));
        rec.votes().forEach(v -> cited.add(v.rule()));
        assertThat(rec.rules().keySet()).as("the document describes the rules it names, and no others").containsExactlyInAnyOrderElementsOf(
                cited.stream().distinct().toList());
        assertThat(Api.write(raw)).doesNotContain("StrategyVote(", "Candidate(", "Answer(");
    }

    @Test
    void itemsNameTheRulesThatConcludedThemNotTheChainTheyShare() {
        RecommendationDocument rec = evaluate(Samples.benchAnswers());
        List<String> strategyRules = rec.strategyReasons().rules();
        RecommendationDocument.RiskAdvice risk = rec.risks().stream()
                .filter(r -> r.title().contains("GPU cluster experience")).findFirst().orElseThrow();
        assertThat(risk.reasons()).isEqualTo(new Reasons(List.of("risks.basic-team"), List.of("ops_skills")));
        for (Reasons r : Documents.itemReasons(rec)) {
            assertThat(r.rules()).hasSizeLessThanOrEqualTo(3)
                    .doesNotContainAnyElementsOf(strategyRules)
                    .doesNotContain("tally.known-share", "tally.votes");
        }
        // the answers behind an accelerator are followed through the derived facts it was sized from
        RecommendationDocument.AcceleratorAdvice top = rec.accelerators().get(0);
        assertThat(top.reasons().answers()).contains("model_size_b", "daily_requests", "tokens_per_request", "latency");
    }

    @Test
    void aStrategyChosenByVotesIsExplainedByTheVotesThatDecidedIt() {
        JsonNode raw = evaluateRaw(Samples.benchAnswers());
        RecommendationDocument rec = typed(raw);
        assertThat(rec.strategy()).isEqualTo("on-prem");
        assertThat(rec.summary()).contains("has the most support");
        assertThat(JsonShape.elements(raw.get("votes"))).allSatisfy(v -> assertThat(JsonShape.keys(v))
                .containsExactlyInAnyOrder("strategy", "points", "rule", "reason", "answers"));
        List<Vote> votes = rec.votes();
        Vote onPrem = votes.stream().filter(v -> v.strategy().equals("on-prem")).findFirst().orElseThrow();
        assertThat(onPrem.points()).isEqualTo(3);
        assertThat(onPrem.rule()).isEqualTo("votes.above-break-even");
        assertThat(onPrem.reason()).contains("break-even");
        assertThat(onPrem.answers()).contains("utilization", "daily_requests", "horizon_years");
        assertThat(votes).anySatisfy(v -> {
            assertThat(v.strategy()).isEqualTo("cloud-first");
            assertThat(v.rule()).isEqualTo("votes.cloud-commitment");
            assertThat(v.answers()).isEqualTo(List.of("data_residency", "cloud_provider"));
        });

        Reasons why = rec.strategyReasons();
        assertThat(why.rules()).contains("decision.most-support",
                "votes.above-break-even")
                .doesNotContain("votes.cloud-commitment", "tally.votes");
        assertThat(why.answers()).as("the deciding answers").contains("utilization", "daily_requests", "horizon_years")
                .doesNotContain("ops_skills"); // the vote of the operations team went to cloud-first
    }

    @Test
    void aHardConstraintIsItsOwnReasonAndTooLittleKnownCountsNoVotes() {
        RecommendationDocument onPremises = evaluate(Map.of("workload", "inference", "data_residency", "on-premises"));
        assertThat(onPremises.strategy()).isEqualTo("on-prem");
        assertThat(onPremises.strategyReasons().rules()).contains("votes.residency-on-premises");
        assertThat(onPremises.strategyReasons().answers()).contains("data_residency");

        RecommendationDocument unknown = evaluate(new HashMap<>());
        assertThat(unknown.summary()).contains("low-commitment default");
        List<String> voteRules = unknown.votes().stream().map(Vote::rule).toList();
        assertThat(unknown.strategyReasons().rules()).noneMatch(voteRules::contains)
                .containsExactly("decision.low-commitment-default",
                        "tally.known-share");
    }
}
