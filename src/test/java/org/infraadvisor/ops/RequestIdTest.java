package org.infraadvisor.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every response carries a request id, the caller's when it is a plain token, and the logs carry the same id. */
@MicronautTest
@Property(name = "test.mdc-probe", value = "true")
class RequestIdTest {

    @Inject
    @Client("/")
    HttpClient http;

    HttpResponse<?> send(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @Test
    void aGivenRequestIdIsEchoedAndLogged() {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<?> r = send(HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy"))
                    .header("X-Request-Id", "trace-4711.abc_DEF"));
            assertThat(r.code()).isEqualTo(201);
            assertThat(r.getHeaders().get("X-Request-Id")).isEqualTo("trace-4711.abc_DEF");

            ILoggingEvent access = logs.events().stream().filter(e -> e.getLoggerName().equals("org.infraadvisor.access"))
                    .filter(e -> "trace-4711.abc_DEF".equals(e.getMDCPropertyMap().get("requestId"))).findFirst().orElseThrow();
            assertThat(access.getFormattedMessage()).contains("method=POST", "route=/api/conversations", "status=201", "durationMs=");
        }
    }

    @Test
    void codeRunningOnTheBlockingExecutorLogsWithTheRequestId() {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<?> r = send(HttpRequest.GET("/test/mdc-probe").header("X-Request-Id", "probe-99"));
            assertThat(r.getBody(String.class)).hasValue("probe-99");
            ILoggingEvent probe = logs.events().stream().filter(e -> e.getLoggerName().equals(MdcProbeController.class.getName()))
                    .findFirst().orElseThrow();
            assertThat(probe.getFormattedMessage()).contains("blocking");
            assertThat(probe.getMDCPropertyMap()).containsEntry("requestId", "probe-99");
        }
    }

    @Test
    void withoutAUsableIdOneIsMade() {
        HttpResponse<?> none = send(HttpRequest.GET("/api/flows"));
        assertThat(none.getHeaders().get("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(send(HttpRequest.GET("/api/flows")).getHeaders().get("X-Request-Id"))
                .as("a new id per request").isNotEqualTo(none.getHeaders().get("X-Request-Id"));

        for (String unusable : new String[]{"has space", "x".repeat(65), "new\\nline", "quote\"d", "ümlaut"}) {
            HttpResponse<?> r = send(HttpRequest.GET("/api/flows").header("X-Request-Id", unusable));
            assertThat(r.getHeaders().get("X-Request-Id")).as(unusable).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void errorsCarryTheIdToo() {
        HttpResponse<?> r = send(HttpRequest.GET("/api/conversations/unknown").header("X-Request-Id", "err-1"));
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.getHeaders().get("X-Request-Id")).isEqualTo("err-1");
        HttpResponse<?> noRoute = send(HttpRequest.GET("/no/such/page").header("X-Request-Id", "err-2"));
        assertThat(noRoute.code()).isEqualTo(404);
        assertThat(noRoute.getHeaders().get("X-Request-Id")).isEqualTo("err-2");
    }
}
