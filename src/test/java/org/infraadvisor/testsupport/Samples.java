package org.infraadvisor.testsupport;

import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Inputs the repository ships for tests and benchmarks. */
public final class Samples {

    /** A request body of {@code POST /api/evaluate} as the bench files hold it. */
    @Serdeable
    public record EvaluateBody(String flow, Map<String, Object> answers) {
    }

    private Samples() {
    }

    /** The answers of {@code bench/answers.json}: a complete, realistic set (inference of a 70B model on AWS). */
    public static Map<String, Object> benchAnswers() {
        try {
            return Api.read(Files.readString(Path.of("bench/answers.json")), EvaluateBody.class).answers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
