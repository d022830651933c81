package org.infraadvisor.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.testsupport.Problem;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** With no admin token configured, the admin endpoints do not exist, whatever token is sent. */
@MicronautTest
class AdminOffWithoutTokenTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void adminEndpointsAnswer404() {
        for (var request : java.util.List.of(HttpRequest.GET("/admin/rules"), HttpRequest.GET("/admin/rules").bearerAuth(""),
                HttpRequest.GET("/admin/rules").bearerAuth("anything"), HttpRequest.POST("/admin/rules/reload", "").bearerAuth("x"))) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(request, Map.class));
            assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
            assertThat(e.getResponse().getBody(Problem.class)).hasValueSatisfying(b ->
                assertThat(b.detail()).contains("advisor.admin.token"));
        }
    }
}
