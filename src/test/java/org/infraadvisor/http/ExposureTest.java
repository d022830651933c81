package org.infraadvisor.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.Problem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an anonymous caller can learn about the service's insides: nothing. Health shows a status only, metrics need
 * the management token or port, error details never name a class, and a person's answers are never cached.
 */
@MicronautTest
@Property(name = "advisor.management.token", value = ExposureTest.MANAGEMENT_TOKEN)
@Property(name = "advisor.admin.token", value = ExposureTest.ADMIN_TOKEN)
class ExposureTest {

    static final String MANAGEMENT_TOKEN = "management-token-for-the-exposure-test";
    static final String ADMIN_TOKEN = "admin-token-for-the-exposure-test-0001";

    @Inject
    EmbeddedServer server;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(URI base, String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String bearer) {
        return send(server.getURI(), "GET", path, bearer, null);
    }

    @Test
    void anonymousHealthShowsStatusOnlyAndOperatorsSeeTheDetails() {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(200);
            assertThat(anonymous.body()).as(path).contains("\"status\":\"UP\"")
                    .doesNotContain("jdbc:", "diskSpace", "advisor-", "test-data", "rules", "H2");
        }
        for (String token : List.of(MANAGEMENT_TOKEN, ADMIN_TOKEN)) {
            HttpResponse<String> operator = get("/health", token);
            assertThat(operator.statusCode()).isEqualTo(200);
            assertThat(operator.body()).contains("\"jdbc\"", "\"rules\"", "diskSpace");
        }
        assertThat(get("/health", "not-the-management-token").statusCode()).isEqualTo(401);
    }

    @Test
    void metricsNeedTheManagementToken() {
        HttpResponse<String> anonymous = get("/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("jvm_").contains("advisor.management.token");
        assertThat(get("/prometheus", "wrong-token-wrong-token-wrong-token!").statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = get("/prometheus", MANAGEMENT_TOKEN);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void onTheManagementPortMetricsAndDetailsNeedNoToken() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedServer separate = ApplicationContext.run(EmbeddedServer.class, Map.of("endpoints.all.port", port,
                "micronaut.server.port", -1), "test")) {
            URI management = URI.create("http://127.0.0.1:" + port);
            assertThat(send(management, "GET", "/prometheus", null, null).statusCode()).isEqualTo(200);
            assertThat(send(management, "GET", "/health", null, null).body()).contains("\"jdbc\"");
            assertThat(send(separate.getURI(), "GET", "/api/flows", null, null).statusCode()).isEqualTo(200);
            assertThat(send(separate.getURI(), "GET", "/prometheus", null, null).statusCode()).isNotEqualTo(200);
        }
    }

    @Test
    void errorDetailsNameNoClassOfTheServiceOrItsLibraries() {
        String id = new Api(server.getURI()).start().id();
        List<String[]> requests = List.of(
                new String[]{"POST", "/api/conversations/" + id + "/answers", "{\"question\":{\"a\":1},\"value\":1}"},
                new String[]{"POST", "/api/conversations/" + id + "/answers", "[1,2]"},
                new String[]{"POST", "/api/conversations/" + id + "/answers", "{\"question\":\"workload\",\"value\":"},
                new String[]{"POST", "/api/conversations/" + id + "/answers", ""},
                new String[]{"POST", "/api/evaluate", "{\"flow\":\"infra-strategy\",\"answers\":\"all\"}"},
                new String[]{"POST", "/api/conversations", "\"infra-strategy\""},
                new String[]{"GET", "/admin/conversations?page=abc", null});
        for (String[] r : requests) {
            HttpResponse<String> response = send(server.getURI(), r[0], r[1], r[1].startsWith("/admin") ? ADMIN_TOKEN : null, r[2]);
            assertThat(response.statusCode()).as("%s %s", r[1], r[2]).isBetween(400, 499);
            String detail = Api.read(response.body(), Problem.class).detail();
            assertThat(detail).as("%s %s", r[1], r[2]).isNotBlank()
                    .doesNotContainPattern("\\b(?:[a-z]+\\.){2,}[A-Z]\\w*").doesNotContainIgnoringCase("jackson")
                    .doesNotContainIgnoringCase("gson").doesNotContain("Exception", "START_", "VALUE_", "REDACTED", "[request]");
        }
        assertThat(ProblemJsonBodyProvider.withoutInternals(
                "the payload is malformed: com.google.gson.JsonSyntaxException: java.lang.IllegalStateException: Expected BEGIN_OBJECT"))
                .isEqualTo("the payload is malformed: Expected BEGIN_OBJECT");
    }

    @Test
    void answersAndReportsAreNeverCached() {
        Api api = new Api(server.getURI());
        String id = api.start().id();
        api.complete(id, Map.of());
        for (String path : List.of("/api/conversations/" + id, "/api/conversations/" + id + "/report.md",
                "/api/conversations/" + id + "/report.html", "/api/conversations/" + id + "/report.pdf",
                "/api/conversations/" + id + "/explain", "/api/conversations/no-such-id")) {
            assertThat(get(path, null).headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        HttpResponse<String> started = send(server.getURI(), "POST", "/api/conversations", null, "{\"flow\":\"infra-strategy\"}");
        assertThat(started.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<String> evaluated = send(server.getURI(), "POST", "/api/evaluate", null, "{\"flow\":\"infra-strategy\",\"answers\":{}}");
        assertThat(evaluated.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(get("/admin/conversations", ADMIN_TOKEN).headers().firstValue("Cache-Control")).hasValue("no-store");
    }
}
