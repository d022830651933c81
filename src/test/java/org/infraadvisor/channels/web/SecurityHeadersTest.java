package org.infraadvisor.channels.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The service's own pages, assets and API answers carry the security headers; CORS refuses foreign origins by default. */
@MicronautTest
@Property(name = "advisor.web.frame-ancestors", value = "'self' https://portal.example")
class SecurityHeadersTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    HttpResponse<String> get(String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path), String.class);
    }

    @Test
    void demoPageWidgetAndApiCarryAStrictPolicy() {
        for (String path : new String[]{"/", "/widget.js", "/widget.css", "/api/flows"}) {
            HttpResponse<String> response = get(path);
            String csp = response.header("Content-Security-Policy");
            assertThat(csp).as(path)
                    .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                            "object-src 'none'", "base-uri 'none'", "require-trusted-types-for 'script'",
                            "frame-ancestors 'self' https://portal.example")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }

    @Test
    void errorsCarryTheHeadersToo() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> get("/api/conversations/missing"));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(e.getResponse().header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void assetsAreServedWithTheirTypesFromTheJar() {
        assertThat(get("/").getContentType()).hasValueSatisfying(t -> assertThat(t.getName()).isEqualTo("text/html"));
        assertThat(get("/").body()).contains("<script src=\"/widget.js\" data-flow=\"infra-strategy\"")
                .doesNotContain("<script>").doesNotContain("style=");
        assertThat(get("/widget.js").getContentType()).hasValueSatisfying(t -> assertThat(t.getName()).isEqualTo("application/javascript"));
        assertThat(get("/widget.css").getContentType()).hasValueSatisfying(t -> assertThat(t.getName()).isEqualTo("text/css"));
        assertThat(get("/report.css").getContentType()).hasValueSatisfying(t -> assertThat(t.getName()).isEqualTo("text/css"));
        // The widget never turns data into markup.
        assertThat(get("/widget.js").body()).doesNotContain("innerHTML").doesNotContain("outerHTML")
                .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("eval(");
        // Pure ASCII, so that a host page in any charset reads the widget's texts right.
        assertThat(get("/widget.js").body().chars().filter(c -> c > 127).count()).isZero();
    }

    @Test
    void foreignOriginsGetNoCorsPermissionByDefault() {
        HttpRequest<?> preflight = HttpRequest.OPTIONS("/api/conversations")
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type");
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(preflight, String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        assertThat(e.getResponse().header("Access-Control-Allow-Origin")).isNull();

        HttpRequest<?> read = HttpRequest.GET("/api/flows").header("Origin", "https://elsewhere.example");
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(read, String.class));
        assertThat(refused.getResponse().header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void sameOriginRequestsWork() {
        // Browsers send Origin on same-origin POSTs too; the widget on the demo page must not be refused.
        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy"))
                .header("Origin", server.getURL().toString().replaceAll("/$", "")), Map.class);
        assertThat(created.getStatus().getCode()).isEqualTo(201);
    }
}
