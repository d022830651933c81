package org.infraadvisor.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
@Property(name = "advisor.admin.token", value = "the-right-token")
class AdminTokenFilterTest {

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
        assertThat(e.getResponse().getBody(Map.class)).hasValueSatisfying(body ->
                assertThat((String) body.get("detail")).contains("Authorization: Bearer"));
    }

    @Test
    void wrongTokensAreRefused() {
        for (String header : new String[]{"Bearer the-wrong-token", "Bearer the-right-token-but-longer", "Bearer the-right-toke",
                "Basic dGhlLXJpZ2h0LXRva2Vu", "the-right-token", "Bearer "}) {
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
    @SuppressWarnings("unchecked")
    void rightTokenIsAccepted() {
        var response = http.toBlocking().exchange(HttpRequest.GET("/admin/rules").bearerAuth("the-right-token"), Map.class);
        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        Map<String, Object> body = response.body();
        assertThat((String) body.get("version")).hasSize(12);
        assertThat(body).containsKeys("loadedAt", "lastRefused", "watching");
    }

    @Test
    void publicEndpointsNeedNoToken() {
        assertThat(http.toBlocking().exchange(HttpRequest.GET("/api/flows"), String.class).getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
    }
}
