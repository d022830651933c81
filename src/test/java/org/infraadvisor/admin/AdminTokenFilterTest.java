package org.infraadvisor.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.http.RulesAdminController.RulesStatus;
import org.infraadvisor.testsupport.Problem;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
@Property(name = "advisor.admin.token", value = AdminTokenFilterTest.TOKEN)
@Property(name = "advisor.admin.lockout.failed-attempts", value = "6")
class AdminTokenFilterTest {

    static final String TOKEN = "the-right-token-of-at-least-32-chars";

    @Inject
    @Client("/")
    HttpClient http;

    HttpClientResponseException refused(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, Map.class));
    }

    @Test
    void missingTokenIsRefusedWithAProblem() {
        HttpClientResponseException e = refused(HttpRequest.GET("/admin/rules"));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        assertThat(e.getResponse().getHeaders().get("WWW-Authenticate")).startsWith("Bearer");
        assertThat(e.getResponse().getBody(Problem.class)).hasValueSatisfying(body ->
                assertThat(body.detail()).contains("Authorization: Bearer"));
    }

    @Test
    void wrongTokensAreRefused() {
        for (String header : new String[]{"Bearer the-wrong-token", "Bearer " + TOKEN + "-but-longer", "Bearer " + TOKEN.substring(1),
                "Basic dGhlLXJpZ2h0LXRva2Vu", TOKEN, "Bearer "}) {
            HttpClientResponseException e = refused(HttpRequest.GET("/admin/rules").header("Authorization", header));
            assertThat(e.getStatus().getCode()).as(header).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        }
        HttpClientResponseException e = refused(HttpRequest.POST("/admin/rules/reload", "").header("Authorization", "Bearer nope"));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void everyAdminPathIsGuardedEvenOnesThatDoNotExist() {
        assertThat(refused(HttpRequest.GET("/admin/conversations")).getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(refused(HttpRequest.GET("/admin")).getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void rightTokenIsAccepted() {
        var response = http.toBlocking().exchange(HttpRequest.GET("/admin/rules").bearerAuth(TOKEN), RulesStatus.class);
        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        RulesStatus body = response.body();
        assertThat(body.version()).hasSize(12);
        assertThat(body.loadedAt()).isNotNull();
    }

    @Test
    void publicEndpointsNeedNoToken() {
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/api/flows"), String.class).getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
    }

    @Test
    void wrongTokensLockTheClientOutEvenForTheRightToken() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("advisor.admin.token", TOKEN,
                "advisor.admin.lockout.failed-attempts", 3, "advisor.admin.lockout.period", "1h", "micronaut.server.port", -1), "test");
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            for (int i = 0; i < 3; i++) {
                HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                        .exchange(HttpRequest.GET("/admin/rules").bearerAuth("guess-" + UUID.randomUUID())));
                assertThat(e.getStatus().getCode()).isEqualTo(401);
            }
            HttpClientResponseException locked = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .exchange(HttpRequest.GET("/admin/rules").bearerAuth(TOKEN), Map.class));
            assertThat(locked.getStatus().getCode()).isEqualTo(429);
            assertThat(Long.parseLong(locked.getResponse().getHeaders().get("Retry-After"))).isBetween(1000L, 1200L);
            assertThat(locked.getResponse().getBody(Problem.class)).hasValueSatisfying(body ->
                assertThat(body.detail()).contains("too many wrong tokens"));
        }
    }

    @Test
    void aShortTokenStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class, Map.of("advisor.admin.token", "x".repeat(31),
                "micronaut.server.port", -1), "test").close())
                .hasStackTraceContaining("advisor.admin.token (ADVISOR_ADMIN_TOKEN) is 31 characters long; it must have at least 32");
    }
}
