package org.infraadvisor.whatif;

import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.format.Readable;
import org.infraadvisor.http.WhatIfController.WhatIfResponse;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.Answering;
import org.infraadvisor.testsupport.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.testsupport.Problems.assertProblem;

@MicronautTest
class WhatIfControllerTest {

    @Inject
    AdvisorClient api;

    /** A finished conversation that leans to the cloud. */
    String cloudConversation() {
        Map<String, Object> preferred = Map.ofEntries(Map.entry("workload", "inference"), Map.entry("model_size_b", 70),
                Map.entry("daily_requests", 100000), Map.entry("tokens_per_request", 1000), Map.entry("latency", "interactive"),
                Map.entry("utilization", "bursty"), Map.entry("data_residency", "none"), Map.entry("budget", "opex"),
                Map.entry("ops_skills", "none"), Map.entry("time_to_production", "under-3-months"), Map.entry("horizon_years", 3));
        ConversationView c = Answering.answerAll(api.start(), preferred, Answering::unknown, api::answer);
        assertThat(c.status()).isEqualTo("completed");
        return c.id();
    }

    Problem refused(int status, String id, Map<String, ?> answers) {
        return assertProblem(HttpStatus.valueOf(status), null, () -> api.whatIf(id, answers));
    }

    @Test
    void whatIfShowsTheRecommendationAndTheDiffWithoutChangingTheConversation() {
        String id = cloudConversation();
        ConversationView before = api.conversation(id);
        RecommendationDocument current = before.recommendation();
        assertThat(current.strategy()).isEqualTo("cloud-first");

        WhatIfResponse result = api.whatIf(id, Map.of("data_residency", "on-premises", "utilization", "steady"));
        assertThat(result.conversation()).isEqualTo(id);
        assertThat(result.rulesVersion()).isEqualTo(current.rulesVersion());
        assertThat(result.recommendation().strategy()).isEqualTo("on-prem");
        RecommendationDiff diff = result.diff();
        assertThat(diff.changed()).isTrue();
        assertThat(diff.strategy()).isEqualTo(new RecommendationDiff.StrategyChange("cloud-first", "on-prem"));
        assertThat(diff.summary()).contains("Strategy: Cloud-first → On-premises");
        assertThat(List.of(diff.accelerators(), diff.risks(), diff.costs())).doesNotContainNull();
        // the two changed answers, and any answer the change makes the dialogue no longer ask
        assertThat(result.answers()).extracting(WhatIfService.AnswerChange::question)
                .contains("utilization", "data_residency");
        assertThat(result.answers())
                .filteredOn(a -> !List.of("utilization", "data_residency").contains(a.question()))
                .allSatisfy(a -> assertThat(a.to()).isNull());
        assertThat(result.answers()).anySatisfy(a -> {
            assertThat(a.question()).isEqualTo("utilization");
            assertThat(a.from()).isEqualTo("bursty");
            assertThat(a.to()).isEqualTo("steady");
        });

        ConversationView after = api.conversation(id);
        assertThat(after.answers()).isEqualTo(before.answers());
        assertThat(after.recommendation()).isEqualTo(before.recommendation());
        assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
    }

    @Test
    void theDiffInSentencesReadsAsABusinessReaderWritesIt() {
        String id = cloudConversation();
        RecommendationDiff diff = api.whatIf(id, Map.of("data_residency", "on-premises", "utilization", "steady",
                "daily_requests", 50_000_000)).diff();
        assertThat(diff.accelerators()).anySatisfy(a -> assertThat(a.countTo()).isGreaterThanOrEqualTo(1000));
        assertThat(diff.summary())
                .contains("Strategy: Cloud-first → On-premises")
                .anySatisfy(line -> assertThat(line).matches("Accelerator (.+: [\\d,]+ → [\\d,]+|added: \\d{1,3}(,\\d{3})+ × .+)"))
                .anySatisfy(line -> assertThat(line).startsWith("Cost of On-premises: $"))
                .anySatisfy(line -> assertThat(line).matches("Readiness of [A-Z][a-z ]+: (Ready|Gap|Blocker|none) → (Ready|Gap|Blocker|none)"))
                .allSatisfy(line -> assertThat(line)
                        .doesNotContainPattern("\\d{4}")
                        .doesNotContainPattern("\\b(cloud-first|on-prem|hybrid|gap|ready|blocker|low|medium|high)\\b"));
        assertThat(diff.sizing().stream().flatMap(s -> Stream.of(s.from(), s.to())).filter(Objects::nonNull))
                .isNotEmpty().allSatisfy(v -> assertThat(v).isEqualTo(Readable.rounded(v)));
    }

    @Test
    void sameAnswersGiveNoDifference() {
        String id = cloudConversation();
        WhatIfResponse result = api.whatIf(id, Map.of("utilization", "bursty"));
        assertThat(result.diff().changed()).isFalse();
        assertThat(result.diff().strategy()).isNull();
        assertThat(result.answers()).isEmpty();
    }

    @Test
    void changingAnEarlierAnswerDropsQuestionsNoLongerAsked() {
        String id = cloudConversation();
        WhatIfResponse result = api.whatIf(id, Map.of("workload", "training"));
        assertThat(result.answers()).anySatisfy(a -> {
            assertThat(a.question()).isEqualTo("latency");
            assertThat(a.from()).isEqualTo("interactive");
            assertThat(a.to()).isNull();
        });
    }

    @Test
    void badWhatIfsAreRefusedWithAProblemThatSaysWhy() {
        String id = cloudConversation();
        assertThat(refused(422, id, Map.of("no_such_question", "x")).detail()).contains("no_such_question");
        assertThat(refused(422, id, Map.of("utilization", "sometimes")).detail()).contains("sometimes").contains("utilization");
        assertThat(refused(422, id, Map.of()).detail()).contains("answers");
        assertThat(refused(422, id, Map.of("workload", "training", "latency", "batch")).detail()).contains("latency").contains("not asked");
        refused(404, "no-such-conversation", Map.of("utilization", "steady"));
    }
}
