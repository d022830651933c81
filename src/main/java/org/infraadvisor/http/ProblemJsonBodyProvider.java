package org.infraadvisor.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error of the service as an RFC 9457 problem document ({@code application/problem+json}). Details speak the
 * request's terms; as a last line of defence, names of classes and parser internals that a library put into a message
 * are taken out before it leaves the service.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemJsonBodyProvider implements JsonErrorResponseBodyProvider<Map<String, Object>> {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** A Java class name with its package ({@code com.google.gson.JsonSyntaxException}), optionally followed by ': '. */
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?::\\s*)?");
    /** A bare exception or error class name ({@code MalformedJsonException: }). */
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b(?::\\s*)?");
    /** Jackson's location suffix: {@code \n at [Source: REDACTED (…); line: 1, column: 14]}. */
    private static final Pattern PARSER_LOCATION = Pattern.compile("\\s*at \\[Source: .*?line: (\\d+), column: (\\d+)]", Pattern.DOTALL);

    static String withoutInternals(String detail) {
        String d = PARSER_LOCATION.matcher(detail).replaceAll(" (line $1, column $2)");
        d = QUALIFIED_CLASS.matcher(d).replaceAll("");
        d = EXCEPTION_CLASS.matcher(d).replaceAll("");
        d = d.strip();
        return d.isEmpty() ? "the request could not be processed" : d;
    }

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
        problem.put("detail", withoutInternals(detail));
        problem.put("instance", ctx.getRequest().getPath());
        ctx.getErrors().stream().map(Error::getPath).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(path -> problem.put("pointer", path));
        return problem;
    }
}
