package org.infraadvisor.testsupport;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The call fails with a problem document of the given status whose detail says why. */
public final class Problems {

    private Problems() {
    }

    public static Problem assertProblem(HttpStatus status, String detailContains, Runnable call) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, call::run);
        assertThat(e.getStatus().getCode()).isEqualTo(status.getCode());
        assertThat(e.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        Problem problem = e.getResponse().getBody(Problem.class).orElseThrow();
        assertThat(problem.status()).isEqualTo(status.getCode());
        assertThat(problem.detail()).isNotBlank();
        if (detailContains != null) {
            assertThat(problem.detail()).contains(detailContains);
        }
        return problem;
    }
}
