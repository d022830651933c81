package org.infraadvisor.report;

import com.lowagie.text.pdf.PdfReader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.scenarios.Scenario;
import org.infraadvisor.scenarios.ScenarioLoader;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.Answering;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 §4 on the shipped knowledge base: for every scenario, answered as a user would in the widget (the
 * scenario's answers, "I don't know" for the rest), report.md has at most 400 lines, no line more than three times,
 * and report.pdf at most 8 pages.
 */
@MicronautTest
class ReportSizeTest {

    static final int MAX_LINES = 400;
    static final int MAX_REPEATS = 3;
    static final int MAX_PAGES = 8;
    static final Path REPORTS = Path.of("target", "reports");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AdvisorClient api;

    @TestFactory
    Stream<DynamicTest> everyScenarioGivesAShortReport() {
        List<Scenario> scenarios = ScenarioLoader.load(Path.of("rules/scenarios"));
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(25);
        return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            String id = interview(s);
            String md = http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id + "/report.md"));
            byte[] pdf = http.toBlocking().exchange(HttpRequest.GET("/api/conversations/" + id + "/report.pdf"), byte[].class).body();
            List<String> lines = md.lines().toList();
            int pages = pages(pdf);
            System.out.printf("report %3d lines, %d pages: %s%n", lines.size(), pages, s.file());
            keep(s, md, pdf);

            assertThat(lines).as("lines of report.md for %s", s.location()).hasSizeLessThanOrEqualTo(MAX_LINES);
            Map<String, Long> repeats = lines.stream().filter(l -> !l.isBlank())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(repeats.entrySet().stream().filter(e -> e.getValue() > MAX_REPEATS).map(Map.Entry::getKey))
                    .as("lines of report.md for %s repeated more than %d times", s.location(), MAX_REPEATS).isEmpty();
            assertThat(pages).as("pages of report.pdf for %s", s.location()).isLessThanOrEqualTo(MAX_PAGES);
            assertThat(md).as("the headline names the deciding answers").contains("(your answer");
        }));
    }

    /** The whole interview over the REST API: every question the flow asks, answered from the scenario or "I don't know". */
    private String interview(Scenario s) {
        ConversationView done = Answering.answerAll(api.start(s.flow()), s.answers(), Answering::unknown, api::answer);
        assertThat(done.recommendation()).isNotNull();
        return done.id();
    }

    /** The reports stay in target/reports, to be read. */
    private static void keep(Scenario s, String md, byte[] pdf) throws IOException {
        Files.createDirectories(REPORTS);
        String name = Path.of(s.file()).getFileName().toString().replaceAll("\\.yaml$", "");
        Files.writeString(REPORTS.resolve(name + ".md"), md);
        Files.write(REPORTS.resolve(name + ".pdf"), pdf);
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            return reader.getNumberOfPages();
        }
    }
}
