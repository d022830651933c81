package org.infraadvisor.channels.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An intranet page on another origin may call the API once its origin is listed in advisor.web.allowed-origins. */
@MicronautTest
@Property(name = "advisor.web.allowed-origins", value = "https://intranet.example,https://wiki.example")
class CorsAllowedOriginsTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void listedOriginsMayCallTheApi() {
        HttpResponse<String> preflight = http.toBlocking().exchange(HttpRequest.OPTIONS("/api/conversations")
                .header("Origin", "https://wiki.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"), String.class);
        assertThat(preflight.getStatus().getCode()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://wiki.example");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();

        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy"))
                .header("Origin", "https://intranet.example"), Map.class);
        assertThat(created.getStatus().getCode()).isEqualTo(201);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo("https://intranet.example");
    }

    @Test
    void otherOriginsStayRefused() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.OPTIONS("/api/conversations")
                        .header("Origin", "https://intranet.example.evil.com")
                        .header("Access-Control-Request-Method", "POST"), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        assertThat(e.getResponse().header("Access-Control-Allow-Origin")).isNull();
    }
}
