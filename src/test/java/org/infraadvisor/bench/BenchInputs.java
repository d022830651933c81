package org.infraadvisor.bench;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.InvalidAnswerException;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.testsupport.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every benchmark works on: the shipped rules and flows, and one realistic answer set
 * ({@code bench/answers.json}, the body of a {@code POST /api/evaluate}). Paths can be overridden with the
 * system properties {@code bench.rules}, {@code bench.conversations} and {@code bench.answers}.
 */
public final class BenchInputs {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private BenchInputs() {
    }

    public static Path rulesDir() {
        return Path.of(System.getProperty("bench.rules", "rules")).toAbsolutePath();
    }

    public static Path conversationsDir() {
        return Path.of(System.getProperty("bench.conversations", "conversations")).toAbsolutePath();
    }

    /** System properties that point a {@link ServiceProcess} at the bench's folders. */
    public static Map<String, String> serviceProperties() {
        return Map.of("advisor.rules.dir", rulesDir().toString(), "advisor.conversations.dir", conversationsDir().toString());
    }

    public static Path answersFile() {
        return Path.of(System.getProperty("bench.answers", "bench/answers.json")).toAbsolutePath();
    }

    /** The answer set as sent over HTTP: flow id, raw body, and each answer as JSON. */
    public record AnswerSet(String flow, String evaluateBody, Map<String, JsonNode> answers) {

        /** The answers in the canonical form the engine receives (what {@code POST /api/evaluate} makes of them). */
        public Map<String, Object> canonical(Flow flow) {
            Map<String, Object> canonical = new LinkedHashMap<>();
            answers.forEach((id, value) -> {
                Question q = flow.question(id).orElseThrow(() ->
                        new InvalidAnswerException("%s: flow '%s' has no question '%s'".formatted(answersFile(), flow.id(), id)));
                canonical.put(id, AnswerValues.canonical(q, value));
            });
            return canonical;
        }

        /** The JSON text of one answer value, or null when the set has none for that question. */
        public String valueJson(String question) {
            JsonNode value = answers.get(question);
            return value == null ? null : write(value);
        }
    }

    public static AnswerSet answerSet() {
        try {
            String body = Files.readString(answersFile());
            JsonNode root = JSON.readValue(body, JsonNode.class);
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            root.get("answers").entries().forEach(e -> answers.put(e.getKey(), e.getValue()));
            return new AnswerSet(root.get("flow").getStringValue(), body, answers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + answersFile(), e);
        }
    }

    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
