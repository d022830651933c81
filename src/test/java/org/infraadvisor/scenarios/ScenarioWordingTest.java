package org.infraadvisor.scenarios;

import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.document.DocumentMapper;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.engine.ShippedRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text the advice of every scenario gives a business reader, as the recommendation document carries it: numbers
 * with thousands separators, one of a thing singular, shares as percentages, no figure in a row of digits or in
 * exponent notation, no internal ids. The rules and the Java that writes their texts both call format.Readable; this
 * catches a figure that went into a sentence without it.
 */
class ScenarioWordingTest {

    /** A run of four or more digits not grouped by thousands separators; years (2026) and the like excepted. */
    static final Pattern UNGROUPED = Pattern.compile("(?<![\\d,.])(?!20[0-9]{2}\\b)\\d{4,}");
    static final Pattern ONE_PLURAL = Pattern.compile("(?<![\\d,.])1 (devices|bytes|copies|model copies|sites|years|points|servers|GPUs|chips|accelerators)\\b");
    /** Exponent notation, NaN, null, or more than three significant digits after the point (0.30000000000000004). */
    static final Pattern MACHINE_NUMBER = Pattern.compile("\\d(\\.\\d+)?E-?\\d|NaN|Infinity|\\bnull\\b|\\.0*[1-9]\\d{3,}");
    static final Pattern TOO_MANY_DIGITS = Pattern.compile("\\d{1,3}(,\\d{3}){5,}");
    static final Pattern RAW_SHARE = Pattern.compile("\\d share (of|off)\\b");
    static final Pattern LOWERCASE_PILLAR = Pattern.compile("(^|; )(compute|networking|storage|data-pipelines|security|observability|operations): ");

    @TestFactory
    Stream<DynamicTest> everyTextOfEveryScenarioReadsAsWords() {
        Flow flow = ShippedRules.ruleSet().flow("infra-strategy").orElseThrow();
        DocumentMapper mapper = new DocumentMapper();
        return ScenarioSuiteTest.report().results().stream().filter(r -> r.advice() != null)
                .map(r -> DynamicTest.dynamicTest(r.scenario().name(), () -> {
                    RecommendationDocument document = mapper.recommendation(r.advice(), flow);
                    List<String> texts = texts(document);
                    assertThat(texts).as(r.scenario().name()).isNotEmpty().allSatisfy(t -> assertThat(t)
                            .doesNotContainPattern(UNGROUPED)
                            .doesNotContainPattern(ONE_PLURAL)
                            .doesNotContainPattern(MACHINE_NUMBER)
                            .doesNotContainPattern(TOO_MANY_DIGITS)
                            .doesNotContainPattern(RAW_SHARE)
                            .doesNotContainPattern(LOWERCASE_PILLAR)
                            .doesNotContain("runner-up")
                            .doesNotContainPattern("\\d %")
                            .doesNotContain("  "));
                    assertThat(document.sizing()).filteredOn(z -> "%".equals(z.unit()) && z.formula() != null && z.formula().matches(".* = [^=]+%"))
                            .as("a percentage reads the same in the heading and at the end of its arithmetic")
                            .allSatisfy(z -> assertThat(z.formula()).endsWith("= " + z.text()));
                }));
    }

    static List<String> texts(RecommendationDocument d) {
        List<String> t = new ArrayList<>();
        t.add(d.summary());
        d.accelerators().forEach(a -> t.add(a.reason()));
        d.risks().forEach(r -> t.addAll(List.of(r.title(), r.detail())));
        d.readiness().forEach(r -> t.add(r.reason()));
        d.plan().forEach(p -> t.addAll(List.of(p.title(), p.detail())));
        d.sizing().forEach(s -> t.addAll(List.of(s.name(), s.text(), s.formula())));
        d.costs().forEach(c -> t.add(c.breakdown()));
        d.openQuestions().forEach(q -> t.add(q.why()));
        d.assumptions().forEach(a -> t.addAll(Arrays.asList(a.text(), a.source())));
        d.votes().forEach(v -> t.add(v.reason()));
        d.deciding().forEach(v -> t.add(v.reason()));
        d.answers().values().forEach(a -> t.add(a.label()));
        return t.stream().filter(s -> s != null && !s.isBlank()).toList();
    }
}
