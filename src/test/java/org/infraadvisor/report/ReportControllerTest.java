package org.infraadvisor.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.Answering;
import org.infraadvisor.testsupport.Problem;
import org.infraadvisor.testsupport.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The report endpoints over HTTP: same content as the card in three formats, text always escaped, clear errors. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportControllerTest implements TestPropertyProvider {

    static final String XSS = "<img src=x onerror=alert(1)> & *bold* [link](javascript:alert(2))";

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public @NonNull Map<String, String> getProperties() {
        Map<String, String> props = new java.util.HashMap<>();
        TestFolders.properties().forEach((k, v) -> props.put(k, String.valueOf(v)));
        return props;
    }

    String start(String flow) {
        return new AdvisorClient(http).start(flow).id();
    }

    ConversationView answer(String id, String question, Object value) {
        return new AdvisorClient(http).answer(id, question, value);
    }

    /** A finished widget-test conversation whose team name is markup, and whose sample rules fill every card section. */
    String finishedTestConversation() {
        String id = start("widget-test");
        answer(id, "team_name", XSS);
        answer(id, "goals", List.of("cost", "control"));
        answer(id, "pilot_ready", true);
        ConversationView done = answer(id, "gpu_count", 4);
        assertThat(done.recommendation()).isNotNull();
        return id;
    }

    static String detail(HttpClientResponseException e) {
        return e.getResponse().getBody(Problem.class).orElseThrow().detail();
    }

    HttpResponse<String> get(String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path), String.class);
    }

    @Test
    void markdownReportHasEverySectionWithReasonsAndEscapesText() {
        String id = finishedTestConversation();
        HttpResponse<String> response = get("/api/conversations/" + id + "/report.md");

        assertThat(response.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).startsWith("text/markdown"));
        assertThat(response.header("Content-Disposition")).startsWith("attachment;").contains(".md");
        String md = response.body();
        assertThat(md).contains("# Widget test flow: advice", "## Recommendation: ", "**Cost ", "**Top risks**", "**Next step:** ",
                "## Risks", "## Readiness scorecard", "## Pilot-to-production plan", "## Sizing", "## Your answers",
                "## Appendix: how the advice was reached", "*Why: ", "**Sample: a named team gets risks and a readiness scorecard**",
                "**Operations: Blocker**", "1. **Pilot in the cloud**", "$600,000",
                "- Is a pilot team ready to start? **Yes**");
        // the headline comes first, the rule trail last
        assertThat(md.indexOf("## Recommendation: ")).isLessThan(md.indexOf("## Risks"));
        assertThat(md.indexOf("## Appendix")).isGreaterThan(md.indexOf("## Your answers"));
        // The user's text is there, but as literal text: every Markdown/HTML character is backslash-escaped ...
        assertThat(md).contains("\\<img src=x onerror=alert(1)\\> \\& \\*bold\\* \\[link\\](javascript:alert(2))");
        // ... so that a Markdown renderer shows it as written: no tag, no emphasis, no link.
        String rendered = HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
        assertThat(rendered).contains("Team &lt;img src=x onerror=alert(1)&gt; &amp; *bold* [link](javascript:alert(2)) has not run GPUs before")
                .doesNotContain("<img").doesNotContain("<em>bold").doesNotContain("<a href");
    }

    @Test
    void htmlReportIsAPrintablePageWithChartAndEscapedText() {
        String id = finishedTestConversation();
        HttpResponse<String> response = get("/api/conversations/" + id + "/report.html");

        assertThat(response.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).startsWith("text/html"));
        assertThat(response.header("Content-Security-Policy")).contains("script-src 'self'");
        String html = response.body();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<link rel=\"stylesheet\" href=\"../../../report.css\">",
                "<script src=\"../../../report.js\" defer></script>", "<svg class=\"cost-chart\"", "class=\"bar recommended\"",
                "Readiness scorecard", "Pilot-to-production plan", "<p class=\"why\">Why: ", "Top risks", "Next step:",
                "Appendix: how the advice was reached", "href=\"report.pdf\"", "href=\"report.md\"");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt; &amp; *bold*").doesNotContain("<img").doesNotContain("style=")
                .doesNotContain("<script>");
        // three bars, one per strategy
        assertThat(html.split("<rect class=\"bar", -1)).hasSize(4);
    }

    @Test
    void pdfReportCarriesTheSameContent() throws IOException {
        String id = finishedTestConversation();
        HttpResponse<byte[]> response = http.toBlocking().exchange(HttpRequest.GET("/api/conversations/" + id + "/report.pdf"), byte[].class);

        assertThat(response.getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/pdf"));
        byte[] pdf = response.body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            String all = text.toString().replaceAll("\\s+", " ");
            assertThat(all).contains("Widget test flow", "Recommendation", "Readiness scorecard", "Pilot-to-production plan",
                    "Operations: Blocker", "Why: ", "Sample: costs scale with the GPUs funded", "$600,000", "Top risks", "Next step",
                    "Appendix: how the advice was reached", "<img src=x onerror=alert(1)>");
            assertThat(extractor.getTextFromPage(1).replaceAll("\\s+", " ")).as("page one is the headline")
                    .contains("Recommendation", "Confidence", "Top risks", "Next step").doesNotContain("Appendix");
        }
    }

    /** Issue 13: a conversation finished early says, in every format, which questions were left open and what each could change. */
    @Test
    void aReportFinishedEarlyListsTheQuestionsLeftOpenAndACompleteOneDoesNot() throws IOException {
        AdvisorClient api = new AdvisorClient(http);
        ConversationView view = api.answer(start("infra-strategy"), "workload", "inference");
        view = api.answer(view.id(), view.question().id(), "unknown");
        ConversationView finished = api.post("/api/conversations/" + view.id() + "/finish", "", ConversationView.class);
        List<ConversationView.LeftOpen> open = finished.leftOpen();
        assertThat(open).isNotEmpty();
        ConversationView.LeftOpen decisive = open.get(0);
        assertThat(decisive.refinement()).isFalse();

        String md = get("/api/conversations/" + view.id() + "/report.md").body();
        String section = md.substring(md.indexOf("## Questions left open"), md.indexOf("\n## ", md.indexOf("## Questions left open") + 3));
        assertThat(section).contains("You asked for the advice before answering these questions, so it counts them as unknown.");
        for (ConversationView.LeftOpen q : open) {
            assertThat(section).contains("- **" + MarkdownReport.escape(q.text()) + "** — ");
        }
        assertThat(section.lines().filter(l -> l.startsWith("- **")).count()).isEqualTo(open.size());
        String decisiveLine = section.lines().filter(l -> l.startsWith("- **" + MarkdownReport.escape(decisive.text()))).findFirst().orElseThrow();
        assertThat(decisiveLine).containsPattern("— Could change the (strategy to (Cloud-first|Hybrid|On-premises)|accelerator to [\\d,]+ × )")
                .doesNotContain("cloud-first", "on-prem ", "_");
        if (open.stream().anyMatch(ConversationView.LeftOpen::refinement)) {
            assertThat(section).contains("— Only fine-tunes the details; it won’t change the headline advice.");
        }
        assertThat(md.indexOf("## Questions left open")).as("right after the headline").isLessThan(md.indexOf("## Your answers"));

        assertThat(get("/api/conversations/" + view.id() + "/report.html").body())
                .contains("<h2>Questions left open</h2>", HtmlReport.escape(decisive.text()), "Could change the ");
        assertThat(pdfText(view.id())).contains("Questions left open", decisive.text(), "Could change the ");

        ConversationView complete = api.complete(Map.of());
        assertThat(complete.status()).isEqualTo("completed");
        assertThat(get("/api/conversations/" + complete.id() + "/report.md").body()).doesNotContain("left open");
        assertThat(get("/api/conversations/" + complete.id() + "/report.html").body()).doesNotContain("left open");
        assertThat(pdfText(complete.id())).doesNotContain("left open");
    }

    String pdfText(String id) throws IOException {
        byte[] pdf = http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id + "/report.pdf"), byte[].class);
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("\\s+", " ");
        }
    }

    @Test
    void shippedFlowReportNamesTheStrategyAndTheAnswersBehindIt() {
        String id = start("infra-strategy");
        Answering.answerAll(answer(id, "workload", "inference"), Map.of("data_residency", "on-premises"), Answering::unknown, this::answer);
        String md = get("/api/conversations/" + id + "/report.md").body();
        String headline = md.substring(md.indexOf("## Recommendation: "), md.indexOf("## Accelerators"));
        assertThat(headline).contains("## Recommendation: On-premises", "**Why on-premises**",
                "- Your data must stay on premises (your answer: Inside our own facilities only)");
        assertThat(md).contains("- Where must your data stay? **Inside our own facilities only**");
        // figures as a reader reads them: one of a thing singular, shares in percent, prices in dollars per what they count
        String assumptions = md.substring(md.indexOf("## Assumptions"), md.indexOf("## Appendix"));
        assertThat(assumptions).contains("**Memory per parameter at 8-bit: 1 byte per parameter**", "**Spare model copies: 1 model copy**",
                        "**Electricity price: $0.10 per kWh (not confirmed)**", "% of peak 8-bit compute (not confirmed)**")
                .doesNotContain("share of", "1 bytes", " x ");
        assertThat(md).doesNotContainPattern("(?<![\\d,.])1 (devices|copies|years|sites)\\b").doesNotContain("runner-up");
    }

    /** A strategy chosen by votes: every format shows, under the strategy, the votes' rules and the answers that decided it. */
    @Test
    void voteBasedStrategyShowsItsDecidingAnswersInEveryFormat() throws Exception {
        String id = start("infra-strategy");
        Map<String, Object> preferred = Map.of("workload", "inference", "data_residency", "none", "cloud_provider", "aws",
                "budget", "opex", "ops_skills", "none", "utilization", "bursty");
        ConversationView c = Answering.answerAll(answer(id, "workload", "inference"), preferred, Answering::unknown, this::answer);
        RecommendationDocument rec = c.recommendation();
        assertThat(rec.summary()).contains("has the most support");
        assertThat(rec.strategy()).isEqualTo("cloud-first");
        assertThat(rec.deciding()).as("three to five deciding reasons").hasSizeBetween(3, 5);

        // Markdown: under the strategy, the votes with their points and the user's own answers
        String md = get("/api/conversations/" + id + "/report.md").body();
        String headline = md.substring(md.indexOf("## Recommendation: Cloud-first"), md.indexOf("## How the strategies scored"));
        assertThat(headline).contains("**Why cloud-first**", "**+3** (your answer: No infrastructure team)",
                "(your answer: Monthly (opex))");
        assertThat(headline.lines().filter(l -> l.startsWith("- ") && l.contains("your answer"))).hasSizeBetween(3, 5);

        String html = get("/api/conversations/" + id + "/report.html").body();
        String strategyHtml = html.substring(html.indexOf("id=\"strategy-heading\""), html.indexOf("</section>", html.indexOf("id=\"strategy-heading\"")));
        assertThat(strategyHtml).contains("<ul class=\"deciding\">", "Why cloud-first", "(your answer: Monthly (opex))",
                "(your answer: No infrastructure team)");

        byte[] pdf = http.toBlocking().exchange(HttpRequest.GET("/api/conversations/" + id + "/report.pdf"), byte[].class).body();
        try (PdfReader reader = new PdfReader(pdf)) {
            String page = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
            assertThat(page).contains("Why cloud-first", "(your answer: Monthly (opex))", "(your answer: No infrastructure team)");
        }
    }

    @Test
    void unknownConversationIsA404Problem() {
        for (String ext : List.of("md", "html", "pdf")) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET("/api/conversations/no-such-id/report." + ext), String.class));
            assertThat(e.getStatus().getCode()).isEqualTo(404);
            assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
            assertThat(detail(e)).contains("no conversation with id 'no-such-id'");
        }
    }

    @Test
    void unfinishedConversationIsA409ProblemThatSaysWhatIsMissing() {
        String id = start("widget-test");
        answer(id, "team_name", "Platform team");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/conversations/" + id + "/report.html"), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(409);
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        assertThat(detail(e)).contains("has no recommendation yet", "1 of about 4 questions answered");
    }
}
