package org.infraadvisor.advice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** {@code {"flow": "infra-strategy", "answers": {"<question id>": value, …}}}. */
@Serdeable
public record EvaluateRequest(@Nullable String flow, @Nullable Map<String, JsonNode> answers) {
}
