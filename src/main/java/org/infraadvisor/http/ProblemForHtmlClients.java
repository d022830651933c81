package org.infraadvisor.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Micronaut answers errors with an HTML page when the client accepts {@code text/html} but not JSON (a browser).
 * The service's errors are problem documents for every client, so this gives them the same document.
 */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
public class ProblemForHtmlClients implements HtmlErrorResponseBodyProvider {

    private final ProblemJsonBodyProvider problems;
    private final JsonMapper json;

    public ProblemForHtmlClients(ProblemJsonBodyProvider problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    @Override
    public String contentType() {
        return ProblemJsonBodyProvider.PROBLEM_JSON;
    }

    @Override
    public String body(ErrorContext ctx, HttpResponse<?> response) {
        try {
            return json.writeValueAsString(problems.body(ctx, response));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
