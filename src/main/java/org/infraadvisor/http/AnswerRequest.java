package org.infraadvisor.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code {"question": "<id>", "value": …}}; value is kept as JSON so that its type can be checked against the question. */
@Serdeable
public record AnswerRequest(@Nullable String question,
                            @Schema(description = "The answer: an option's value (choice), a list of option values (multi), a number, "
                                    + "true or false, a text, or \"unknown\" for any question that allows it",
                                    anyOf = {String.class, Double.class, Boolean.class, String[].class}) JsonNode value) {
}
