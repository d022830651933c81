package org.infraadvisor.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs never hold what users typed, tokens, conversation ids or share tokens (which are capabilities). A whole
 * conversation, refused answers, malformed bodies and admin calls run with logging at production level
 * (and the advisor's own loggers at TRACE); then no log event may contain any of those values.
 */
@MicronautTest
@Property(name = "advisor.admin.token", value = LogSecrecyTest.ADMIN_TOKEN)
class LogSecrecyTest {

    static final String ADMIN_TOKEN = "CONFIGURED-ADMIN-TOKEN-91b2e-0123456789abcdef";
    static final String WRONG_TOKEN = "WRONG-BEARER-SECRET-7f3a9c";
    static final String FREE_TEXT = "SECRET-FREE-TEXT-alpha-4c1d";
    static final String MALFORMED = "SECRET-IN-MALFORMED-BODY-22e0";
    static final String QUERY = "SECRET-IN-QUERY-5d5d";
    static final double DISTINCT_NUMBER = 987.25;

    @Inject
    @Client("/")
    HttpClient http;

    void quietly(MutableHttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            // refusals are part of the scenario
        }
    }

    @Test
    void nothingSecretReachesTheLogs() {
        String id;
        String token;
        List<ILoggingEvent> events;
        try (LogCapture logs = new LogCapture()) {
            ConversationView done = new AdvisorClient(http).complete(Map.of("model_size_b", DISTINCT_NUMBER));
            id = done.id();
            token = done.shareToken();
            quietly(HttpRequest.GET("/api/shared/" + token + "/report.html"));
            quietly(HttpRequest.POST("/api/shared/" + token + "/answers", Map.of("question", "workload", "value", "training")));
            quietly(HttpRequest.POST("/api/conversations/" + id + "/share", Map.of()));
            quietly(HttpRequest.GET("/api/conversations/" + token));
            quietly(HttpRequest.POST("/api/conversations/" + id + "/answers", Map.of("question", "workload", "value", FREE_TEXT)));
            quietly(HttpRequest.POST("/api/conversations/" + id + "/answers", Map.of("question", FREE_TEXT, "value", FREE_TEXT)));
            quietly(HttpRequest.POST("/api/conversations/" + id + "/answers", "{\"question\": \"workload\", \"value\": \"" + MALFORMED)
                    .contentType(MediaType.APPLICATION_JSON));
            quietly(HttpRequest.POST("/api/evaluate", Map.of("flow", "infra-strategy", "answers", Map.of("workload", FREE_TEXT))));
            quietly(HttpRequest.GET("/api/conversations/" + id + "?note=" + QUERY));
            quietly(HttpRequest.GET("/admin/conversations").bearerAuth(WRONG_TOKEN));
            quietly(HttpRequest.GET("/admin/conversations").bearerAuth(ADMIN_TOKEN));
            quietly(HttpRequest.DELETE("/api/conversations/" + id));
            events = logs.events();
        }

        assertThat(events).as("the capture saw the requests (access log), so an empty result means something")
                .filteredOn(e -> e.getLoggerName().equals("org.infraadvisor.access")).hasSizeGreaterThanOrEqualTo(10);
        List<String> forbidden = List.of(id, token, FREE_TEXT, MALFORMED, QUERY, WRONG_TOKEN, ADMIN_TOKEN, "987.25");
        assertThat(events).allSatisfy(e -> assertThat(LogCapture.fullText(e)).doesNotContain(forbidden));
    }
}
