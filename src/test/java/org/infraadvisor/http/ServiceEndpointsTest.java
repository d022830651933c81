package org.infraadvisor.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.infraadvisor.testsupport.AdvisorClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoints an operator or integrator relies on besides the conversation API. */
@MicronautTest
class ServiceEndpointsTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void healthProbesAreUp() {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            Map<?, ?> health = http.toBlocking().retrieve(HttpRequest.GET(path), Map.class);
            assertThat(health.get("status")).as(path).isEqualTo("UP");
        }
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        String doc = http.toBlocking().retrieve(HttpRequest.GET("/openapi/infra-advisor-api-0.2.yml"));
        assertThat(doc).contains("openapi:", "/api/conversations/{id}/answers", "/api/evaluate", "/api/flows");
    }

    @Test
    void flowsAreListed() {
        assertThat(new AdvisorClient(http).flows()).extracting(FlowsController.FlowSummary::id).contains("infra-strategy");
    }
}
