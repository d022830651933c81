package org.infraadvisor.http;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.Answering;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.JsonShape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A share link reads the advice and nothing else: the share token opens the advice and its reports, never shows the
 * conversation id, and in place of the id it answers nothing, changes nothing and erases nothing. The owner can turn
 * sharing off (every link dies) and make a new link.
 */
@MicronautTest
class SharedAdviceTest {

    @Inject
    EmbeddedServer server;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(server.getURI());
    }

    ConversationView finished() {
        return Answering.answerAll(api.start(), Map.of(), Answering::unknown, api::answerOk);
    }

    void assertStatus(Api.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
    }

    @Test
    void theShareTokenOpensTheAdviceAndItsReportsWithoutTheId() throws Exception {
        ConversationView done = finished();
        String id = done.id();
        String token = done.shareToken();
        assertThat(token).isNotBlank().isNotEqualTo(id).matches("[A-Za-z0-9_-]{27}");

        Api.Response advice = api.get("/api/shared/" + token);
        assertThat(advice.status()).as(advice.toString()).isEqualTo(200);
        assertThat(JsonShape.keys(JsonShape.tree(advice.body())))
                .containsExactlyInAnyOrder("flow", "title", "status", "answers", "recommendation", "updatedAt");
        SharedAdvice read = advice.as(SharedAdvice.class);
        assertThat(read.status()).isEqualTo("completed");
        assertThat(read.recommendation()).isEqualTo(done.recommendation());
        assertThat(read.answers()).isEqualTo(done.answers());
        assertThat(advice.body()).doesNotContain(id);

        for (String format : List.of("html", "md")) {
            Api.Response report = api.get("/api/shared/" + token + "/report." + format);
            assertThat(report.status()).as(format).isEqualTo(200);
            assertThat(report.body()).as(format).contains("rules version").doesNotContain(id);
        }
        Api.Response pdf = api.send("GET", "/api/shared/" + token + "/report.pdf", null, null);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body().getBytes(StandardCharsets.ISO_8859_1)).isNotEmpty();
        assertThat(pdf.body()).doesNotContain(id);
        for (String path : List.of("", "/report.html", "/report.pdf")) {
            java.net.http.HttpResponse<Void> shared = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(server.getURI().resolve("/api/shared/" + token + path)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(shared.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            assertThat(shared.headers().firstValue("X-Robots-Tag")).as(path).hasValue("noindex, nofollow");
        }
        // the owner's own report links (by id) keep working, without the id in the document either
        assertThat(api.get("/api/conversations/" + id + "/report.md").body()).doesNotContain(id);
    }

    @Test
    void withTheShareTokenNothingCanBeAnsweredChangedOrErased() {
        ConversationView done = finished();
        String id = done.id();
        String token = done.shareToken();
        ConversationView before = api.conversation(id);

        // the token in place of the id opens nothing of the owner's
        assertStatus(api.get("/api/conversations/" + token), 404);
        assertStatus(api.answer(token, "workload", "training"), 404);
        assertStatus(api.send("DELETE", "/api/conversations/" + token, null, null), 404);
        assertStatus(api.post("/api/conversations/" + token + "/what-if", Map.of("answers", Map.of("workload", "training"))), 404);
        assertStatus(api.get("/api/conversations/" + token + "/explain"), 404);
        assertStatus(api.post("/api/conversations/" + token + "/share", Map.of()), 404);
        assertStatus(api.send("DELETE", "/api/conversations/" + token + "/share", null, null), 404);
        assertStatus(api.get("/api/conversations/" + token + "/report.html"), 404);
        // and the share paths take no writes
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/api/shared/" + token, "/api/shared/" + token + "/answers", "/api/shared/" + token + "/report.html")) {
                Api.Response r = api.send(method, path, "application/json",
                        "{\"question\":\"workload\",\"value\":\"training\"}".getBytes(StandardCharsets.UTF_8));
                assertThat(r.status()).as(method + " " + path + " → " + r).isIn(404, 405);
            }
        }
        assertThat(api.conversation(id)).isEqualTo(before);
        assertThat(api.get("/api/shared/" + token).status()).isEqualTo(200);
    }

    @Test
    void turningSharingOffKillsEveryLinkAndANewLinkWorksAlone() {
        ConversationView done = finished();
        String id = done.id();
        String token = done.shareToken();

        assertThat(api.send("DELETE", "/api/conversations/" + id + "/share", null, null).status()).isEqualTo(204);
        assertThat(api.conversation(id).shareToken()).isNull();
        for (String path : List.of("", "/report.html", "/report.md", "/report.pdf")) {
            Api.Response r = api.get("/api/shared/" + token + path);
            assertStatus(r, 404);
            assertThat(r.problem().detail()).contains("stopped sharing");
        }
        assertThat(api.send("DELETE", "/api/conversations/" + id + "/share", null, null).status()).as("twice is fine").isEqualTo(204);

        Api.Response made = api.post("/api/conversations/" + id + "/share", Map.of());
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String fresh = made.as(ConversationController.Share.class).shareToken();
        assertThat(fresh).isNotBlank().isNotEqualTo(token).isNotEqualTo(id);
        assertThat(api.conversation(id).shareToken()).isEqualTo(fresh);
        assertThat(api.get("/api/shared/" + fresh + "/report.html").status()).isEqualTo(200);

        // a second new link replaces the first
        String third = api.post("/api/conversations/" + id + "/share", Map.of()).as(ConversationController.Share.class).shareToken();
        assertStatus(api.get("/api/shared/" + fresh), 404);
        assertThat(api.get("/api/shared/" + third).status()).isEqualTo(200);
        assertThat(api.conversation(id).recommendation()).isEqualTo(done.recommendation());
    }

    @Test
    void beforeTheAdviceIsReadyTheLinkShowsTheAnswersAndTheReportWaits() {
        ConversationView started = api.start();
        String id = started.id();
        api.answerOk(id, "workload", "inference");
        String token = started.shareToken();

        SharedAdvice shared = api.get("/api/shared/" + token).as(SharedAdvice.class);
        assertThat(shared.status()).isEqualTo("active");
        assertThat(shared.recommendation()).isNull();
        assertThat(shared.answers()).extracting(ConversationView.AnswerView::value).contains("inference");
        Api.Response report = api.get("/api/shared/" + token + "/report.html");
        assertStatus(report, 409);
        assertThat(report.body()).contains("no recommendation yet").doesNotContain(id);

        assertStatus(api.get("/api/shared/unknown-token-000000000000000"), 404);
        assertStatus(api.get("/api/shared/" + "%0A"), 404);
    }
}
