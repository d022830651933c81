package org.infraadvisor.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request fields are read as what they are, never coerced: a field that takes text refuses a list, a number or
 * {@code true} ({@code "question": ["workload"]} is not the question {@code workload}), and a field that takes
 * true/false refuses {@code "yes"} or {@code 1}. Duplicate keys are refused by the JSON parser itself
 * ({@code micronaut.serde.jackson.parser-features.STRICT_DUPLICATE_DETECTION}). The refusal names the field as
 * the request wrote it; {@link RequestBodyProblems} turns it into a 400 problem.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** A field whose JSON value has the wrong type, in the request's own terms. */
    public static final class WrongType extends SerdeException {
        public WrongType(String field, String expected, JsonNode found) {
            super("the field '%s' must be %s, not %s".formatted(field, expected, describe(found)));
        }
    }

    /** What a JSON value is, as a person would say it. */
    public static String describe(JsonNode node) {
        if (node.isString()) {
            return "text";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return node.getBooleanValue() ? "true" : "false";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isObject() ? "an object" : "null";
    }

    @Singleton
    static class Text implements Deserializer<String> {
        @Override
        public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            if (!node.isString()) {
                throw new WrongType(type.getName(), "text in quotes", node);
            }
            return node.getStringValue();
        }
    }

    /** For {@code "answers": {"<question id>": value, …}}: an object, whose values are checked against their questions later. */
    @Singleton
    public static class Answers implements Deserializer<Map<String, JsonNode>> {
        @Override
        public Map<String, JsonNode> deserialize(Decoder decoder, DecoderContext context, Argument<? super Map<String, JsonNode>> type)
                throws IOException {
            JsonNode node = decoder.decodeNode();
            if (!node.isObject()) {
                throw new WrongType(type.getName(), "an object of question ids and answers, such as {\"workload\": \"inference\"}", node);
            }
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            node.entries().forEach(e -> answers.put(e.getKey(), e.getValue()));
            return answers;
        }
    }

    @Singleton
    static class TrueOrFalse implements Deserializer<Boolean> {
        @Override
        public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            if (!node.isBoolean()) {
                throw new WrongType(type.getName(), "true or false", node);
            }
            return node.getBooleanValue();
        }
    }
}
