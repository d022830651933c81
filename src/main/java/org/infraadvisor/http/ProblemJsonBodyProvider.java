package org.infraadvisor.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Every error of the service as an RFC 9457 problem document ({@code application/problem+json}). */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemJsonBodyProvider implements JsonErrorResponseBodyProvider<Map<String, Object>> {

    public static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public String contentType() {
        return PROBLEM_JSON;
    }

    @Override
    public Map<String, Object> body(ErrorContext ctx, HttpResponse<?> response) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", response.getStatus().getReason());
        problem.put("status", response.code());
        String detail = ctx.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (detail.isBlank()) {
            detail = response.getStatus().getReason();
        }
        problem.put("detail", detail);
        problem.put("instance", ctx.getRequest().getPath());
        ctx.getErrors().stream().map(Error::getPath).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(path -> problem.put("pointer", path));
        return problem;
    }
}
