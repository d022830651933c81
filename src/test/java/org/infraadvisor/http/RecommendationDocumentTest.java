package org.infraadvisor.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
@SuppressWarnings("unchecked")
class RecommendationDocumentTest {

    static final List<String> ITEM_LISTS = List.of("accelerators", "risks", "readiness", "plan", "sizing", "costs");

    @Inject
    @Client("/")
    HttpClient http;

    Map<String, Object> evaluate(Map<String, Object> answers) {
        Map<String, Object> body = http.toBlocking().retrieve(HttpRequest.POST("/api/evaluate",
                Map.of("flow", "infra-strategy", "answers", answers)), Map.class);
        assertThat(body).containsOnlyKeys("recommendation");
        return (Map<String, Object>) body.get("recommendation");
    }

    static Map<String, Object> benchAnswers() throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) Api.read(Files.readString(Path.of("bench/answers.json")))).get("answers");
    }

    static Map<String, Object> reasons(Map<String, Object> rec) {
        return (Map<String, Object>) rec.get("strategyReasons");
    }

    static List<Map<String, Object>> allReasons(Map<String, Object> rec) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String list : ITEM_LISTS) {
            ((List<Map<String, Object>>) rec.get(list)).forEach(item -> all.add((Map<String, Object>) item.get("reasons")));
        }
        return all;
    }

    @Test
    void everyAnswerAndRuleIsDescribedOnceAndReferredToById() throws IOException {
        Map<String, Object> rec = evaluate(benchAnswers());
        Map<String, Map<String, Object>> answers = (Map<String, Map<String, Object>>) rec.get("answers");
        Map<String, Map<String, Object>> rules = (Map<String, Map<String, Object>>) rec.get("rules");
        assertThat(answers.get("daily_requests")).containsEntry("text", "How many requests per day do you expect in production?")
                .containsEntry("value", 2_000_000.0).containsEntry("label", "2,000,000 requests/day");
        assertThat(answers.get("cloud_provider")).containsEntry("value", "aws").containsEntry("label", "AWS");
        assertThat(rules.values()).allSatisfy(r -> assertThat(r).containsKeys("name", "description", "rationale", "file"));
        assertThat(rules.keySet()).allSatisfy(id -> assertThat(id).matches("[a-z0-9-]+\\.[a-z0-9-]+"));
        assertThat(rules).containsKey("votes.above-break-even");

        List<Map<String, Object>> all = allReasons(rec);
        all.add(reasons(rec));
        assertThat(all).isNotEmpty().allSatisfy(r -> {
            assertThat(r).containsOnlyKeys("rules", "answers");
            assertThat(rules.keySet()).containsAll((List<String>) r.get("rules"));
            assertThat(answers.keySet()).containsAll((List<String>) r.get("answers"));
        });
        List<String> cited = new ArrayList<>();
        all.forEach(r -> cited.addAll((List<String>) r.get("rules")));
        ((List<Map<String, Object>>) rec.get("votes")).forEach(v -> cited.add((String) v.get("rule")));
        assertThat(rules.keySet()).as("the document describes the rules it names, and no others").containsExactlyInAnyOrderElementsOf(
                cited.stream().distinct().toList());
        assertThat(Api.write(rec)).doesNotContain("StrategyVote(", "Candidate(", "Answer(");
    }

    @Test
    void itemsNameTheRulesThatConcludedThemNotTheChainTheyShare() throws IOException {
        Map<String, Object> rec = evaluate(benchAnswers());
        List<String> strategyRules = (List<String>) reasons(rec).get("rules");
        Map<String, Object> risk = ((List<Map<String, Object>>) rec.get("risks")).stream()
                .filter(r -> r.get("title").toString().contains("GPU cluster experience")).findFirst().orElseThrow();
        assertThat((Map<String, Object>) risk.get("reasons")).containsEntry("rules", List.of("risks.basic-team"))
                .containsEntry("answers", List.of("ops_skills"));
        for (Map<String, Object> r : allReasons(rec)) {
            assertThat((List<String>) r.get("rules")).hasSizeLessThanOrEqualTo(3)
                    .doesNotContainAnyElementsOf(strategyRules)
                    .doesNotContain("tally.known-share", "tally.votes");
        }
        // the answers behind an accelerator are followed through the derived facts it was sized from
        Map<String, Object> top = ((List<Map<String, Object>>) rec.get("accelerators")).get(0);
        assertThat((List<String>) ((Map<String, Object>) top.get("reasons")).get("answers"))
                .contains("model_size_b", "daily_requests", "tokens_per_request", "latency");
    }

    @Test
    void aStrategyChosenByVotesIsExplainedByTheVotesThatDecidedIt() throws IOException {
        Map<String, Object> rec = evaluate(benchAnswers());
        assertThat(rec.get("strategy")).isEqualTo("on-prem");
        assertThat(rec.get("summary").toString()).contains("has the most support");
        List<Map<String, Object>> votes = (List<Map<String, Object>>) rec.get("votes");
        assertThat(votes).allSatisfy(v -> assertThat(v).containsOnlyKeys("strategy", "points", "rule", "reason", "answers"));
        Map<String, Object> onPrem = votes.stream().filter(v -> v.get("strategy").equals("on-prem")).findFirst().orElseThrow();
        assertThat(onPrem).containsEntry("points", 3).containsEntry("rule", "votes.above-break-even");
        assertThat((String) onPrem.get("reason")).contains("break-even");
        assertThat((List<String>) onPrem.get("answers")).contains("utilization", "daily_requests", "horizon_years");
        assertThat(votes).anySatisfy(v -> assertThat(v).containsEntry("strategy", "cloud-first")
                .containsEntry("rule", "votes.cloud-commitment")
                .containsEntry("answers", List.of("data_residency", "cloud_provider")));

        Map<String, Object> why = reasons(rec);
        assertThat((List<String>) why.get("rules")).contains("decision.most-support",
                "votes.above-break-even")
                .doesNotContain("votes.cloud-commitment", "tally.votes");
        assertThat((List<String>) why.get("answers")).as("the deciding answers").contains("utilization", "daily_requests", "horizon_years")
                .doesNotContain("ops_skills"); // the vote of the operations team went to cloud-first
    }

    @Test
    void aHardConstraintIsItsOwnReasonAndTooLittleKnownCountsNoVotes() {
        Map<String, Object> onPremises = evaluate(Map.of("workload", "inference", "data_residency", "on-premises"));
        assertThat(onPremises.get("strategy")).isEqualTo("on-prem");
        assertThat((List<String>) reasons(onPremises).get("rules")).contains("votes.residency-on-premises");
        assertThat((List<String>) reasons(onPremises).get("answers")).contains("data_residency");

        Map<String, Object> unknown = evaluate(new HashMap<>());
        assertThat(unknown.get("summary").toString()).contains("low-commitment default");
        List<String> voteRules = ((List<Map<String, Object>>) unknown.get("votes")).stream().map(v -> (String) v.get("rule")).toList();
        assertThat((List<String>) reasons(unknown).get("rules")).noneMatch(voteRules::contains)
                .containsExactly("decision.low-commitment-default",
                        "tally.known-share");
    }
}
