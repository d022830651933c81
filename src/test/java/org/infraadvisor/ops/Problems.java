package org.infraadvisor.ops;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Test helper: the call fails with a problem document of the given status whose detail says why. */
public final class Problems {

    private Problems() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> assertProblem(HttpStatus status, String detailContains, Runnable call) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, call::run);
        assertThat(e.getStatus().getCode()).isEqualTo(status.getCode());
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        Map<String, Object> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(problem).containsEntry("status", status.getCode());
        assertThat((String) problem.get("detail")).isNotBlank();
        if (detailContains != null) {
            assertThat((CharSequence) problem.get("detail")).contains(detailContains);
        }
        return problem;
    }
}
