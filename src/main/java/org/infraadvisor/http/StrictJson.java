package org.infraadvisor.http;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import org.infraadvisor.dialogue.AnswerValues;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

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
            super("the field '%s' must be %s, not %s".formatted(field, expected, AnswerValues.describe(found)));
        }
    }

    /** Reads the value as a JSON node and takes it only when it is of the expected kind. */
    private abstract static class Checked<T> implements Deserializer<T> {
        private final String expected;
        private final Predicate<JsonNode> accepts;
        private final Function<JsonNode, T> value;

        Checked(String expected, Predicate<JsonNode> accepts, Function<JsonNode, T> value) {
            this.expected = expected;
            this.accepts = accepts;
            this.value = value;
        }

        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            JsonNode node = decoder.decodeNode();
            if (!accepts.test(node)) {
                throw new WrongType(type.getName(), expected, node);
            }
            return value.apply(node);
        }
    }

    @Singleton
    static class Text extends Checked<String> {
        Text() {
            super("text in quotes", JsonNode::isString, JsonNode::getStringValue);
        }
    }

    @Singleton
    static class TrueOrFalse extends Checked<Boolean> {
        TrueOrFalse() {
            super("true or false", JsonNode::isBoolean, JsonNode::getBooleanValue);
        }
    }

    /** For {@code "answers": {"<question id>": value, …}}: an object, whose values are checked against their questions later. */
    @Singleton
    public static class Answers extends Checked<Map<String, JsonNode>> {
        Answers() {
            super("an object of question ids and answers, such as {\"workload\": \"inference\"}", JsonNode::isObject, node -> {
                Map<String, JsonNode> answers = new LinkedHashMap<>();
                node.entries().forEach(e -> answers.put(e.getKey(), e.getValue()));
                return answers;
            });
        }
    }
}
