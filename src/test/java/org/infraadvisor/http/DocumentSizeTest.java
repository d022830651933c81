package org.infraadvisor.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.document.RecommendationDocument.Reasons;
import org.infraadvisor.scenarios.Scenario;
import org.infraadvisor.scenarios.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document of {@code POST /api/evaluate} stays compact, names no internal fact and refers only to rules and answers
 * it describes, for the benchmark's full interview ({@code bench/answers.json}) and every scenario of the knowledge
 * base. Each run prints the bytes of every top-level field of the largest document.
 * <p>
 * Issue 11 aims at 24 KiB for a full interview and 64 KiB with {@code "explain": true}. The explained target holds
 * (the trace leaves out the rules that only load the catalogue or pass a derived figure on). The plain document does
 * not reach 24 KiB with the second-edition knowledge base without dropping content the contract requires: in the
 * largest scenario the rule texts ({@code rules}, ~9 KB for 33 rules), the catalogue figures behind the advice
 * ({@code assumptions}, ~6.7 KB for 33), the answers ({@code answers}, ~2.9 KB) and the ids in the items' reasons
 * (~6 KB) already take ~24.6 KB, each carried once, before any item says what it recommends (docs/benchmarks.md,
 * section 7). {@link #LIMIT} is what those allow today with a little headroom; it fails as soon as
 * the document repeats itself again (a shared chain of rules per item, answer texts per reason, rules it does not
 * refer to, the trace without being asked).
 */
@MicronautTest
class DocumentSizeTest {

    /** Issue 11's target for a full interview with {@code "explain": true}. */
    static final int EXPLAINED_LIMIT = 64 * 1024;
    /**
     * Not issue 11's 24 KiB: see the class comment. The largest document today is 35,886 B (scenario 08), of which
     * ~1.3 KB are the figures of sizing and assumptions written for a reader ({@code text}).
     */
    static final int LIMIT = 36 * 1024;

    private static String largest;
    private static String largestName;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Test
    void theBenchmarksFullInterviewIsWithinTheTargets() throws IOException {
        Map<String, Object> body = json.readValue(Files.readString(Path.of("bench/answers.json")), Map.class);
        String plain = evaluate(body, false);
        String explained = evaluate(body, true);
        System.out.printf("bench/answers.json: document %d B, with explain %d B%n", bytes(plain), bytes(explained));
        printBreakdown("bench/answers.json", plain);
        refersOnlyToWhatItDescribes(plain, "bench/answers.json");
        assertThat(bytes(plain)).as("bytes of the document for bench/answers.json").isLessThanOrEqualTo(LIMIT);
        assertThat(bytes(explained)).as("bytes of the explained document for bench/answers.json").isLessThanOrEqualTo(EXPLAINED_LIMIT);
        // every figure behind the advice is named in words, not by its key
        Map<String, Object> rec = (Map<String, Object>) json.readValue(plain, Map.class).get("recommendation");
        assertThat((List<Map<String, Object>>) rec.get("assumptions")).isNotEmpty().allSatisfy(a ->
                assertThat((String) a.get("label")).isNotBlank().isNotEqualTo(a.get("key")));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioGivesACompactDocument() {
        List<Scenario> scenarios = ScenarioLoader.load(Path.of("rules/scenarios"));
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(25);
        return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("flow", s.flow());
            body.put("answers", s.answers());
            String plain = evaluate(body, false);
            int explained = bytes(evaluate(body, true));
            System.out.printf("document size %6d B, with explain %6d B: %s%n", bytes(plain), explained, s.file());
            refersOnlyToWhatItDescribes(plain, s.location());
            if (largest == null || bytes(plain) > bytes(largest)) {
                largest = plain;
                largestName = s.file();
            }
            assertThat(bytes(plain)).as("bytes of the document for %s", s.location()).isLessThanOrEqualTo(LIMIT);
            assertThat(explained).as("bytes of the explained document for %s", s.location()).isLessThanOrEqualTo(EXPLAINED_LIMIT);
        }));
    }

    @AfterAll
    static void printTheLargest() throws IOException {
        if (largest != null) {
            printBreakdown(largestName, largest);
        }
    }

    /** The {@code rules} map holds exactly the rules the document names; every answer it names is in {@code answers}. */
    private void refersOnlyToWhatItDescribes(String plain, String where) throws IOException {
        RecommendationDocument rec = json.readValue(plain, EvaluateController.EvaluateResponse.class).recommendation();
        Set<String> rules = new HashSet<>();
        Set<String> answers = new HashSet<>();
        List<Reasons> reasons = new ArrayList<>();
        rec.accelerators().forEach(a -> reasons.add(a.reasons()));
        rec.risks().forEach(r -> reasons.add(r.reasons()));
        rec.readiness().forEach(r -> reasons.add(r.reasons()));
        rec.plan().forEach(p -> reasons.add(p.reasons()));
        rec.sizing().forEach(z -> reasons.add(z.reasons()));
        rec.costs().forEach(c -> reasons.add(c.reasons()));
        if (rec.strategyReasons() != null) {
            reasons.add(rec.strategyReasons());
        }
        reasons.forEach(r -> {
            rules.addAll(r.rules());
            answers.addAll(r.answers());
        });
        rec.votes().forEach(v -> {
            rules.add(v.rule());
            answers.addAll(v.answers());
        });
        rec.deciding().forEach(d -> {
            rules.add(d.rule());
            answers.addAll(d.answers());
        });
        rules.remove(null);
        assertThat(rec.rules().keySet()).as("rules described in the document for %s", where).containsExactlyInAnyOrderElementsOf(rules);
        assertThat(rec.answers().keySet()).as("answers described in the document for %s", where).containsAll(answers);
    }

    /** Bytes of each top-level field of the recommendation, largest first: where the next cut would have to come from. */
    private static void printBreakdown(String name, String doc) throws IOException {
        JsonMapper mapper = JsonMapper.createDefault();
        Map<String, Object> rec = (Map<String, Object>) mapper.readValue(doc, Map.class).get("recommendation");
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : rec.entrySet()) {
            sizes.put(e.getKey(), mapper.writeValueAsBytes(e.getValue()).length);
        }
        StringBuilder out = new StringBuilder("bytes per field of the document for " + name + " (" + bytes(doc) + " B):");
        sizes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(';'));
        System.out.println(out);
    }

    private String evaluate(Map<String, Object> answers, boolean explain) {
        Map<String, Object> body = new LinkedHashMap<>(answers);
        if (explain) {
            body.put("explain", true);
        }
        String doc = http.toBlocking().retrieve(HttpRequest.POST("/api/evaluate", body));
        assertThat(doc).as("no internal fact is shown as Java text").doesNotContainPattern("[A-Z][A-Za-z]+\\( ?[a-z]+=");
        return doc;
    }

    private static int bytes(String doc) {
        return doc.getBytes(StandardCharsets.UTF_8).length;
    }
}
