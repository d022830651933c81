package org.infraadvisor.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {"question": "<id>", "value": …}}; value is kept as JSON so that its type can be checked against the question. */
@Serdeable
public record AnswerRequest(@Nullable String question, @Nullable JsonNode value) {
}
