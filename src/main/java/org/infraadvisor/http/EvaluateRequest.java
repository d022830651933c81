package org.infraadvisor.http;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.annotation.Serdeable.Deserializable;

import java.util.Map;

/**
 * {@code {"flow": "infra-strategy", "answers": {"<question id>": value, …}, "explain": true}}; with
 * {@code explain} the response also carries the why and why-not of the recommendation.
 */
@Serdeable
public record EvaluateRequest(@Nullable String flow,
                              @Nullable @Deserializable(using = StrictJson.Answers.class) Map<String, JsonNode> answers,
                              @Nullable Boolean explain) {

    @Creator
    public EvaluateRequest {
    }

    public EvaluateRequest(@Nullable String flow, @Nullable Map<String, JsonNode> answers) {
        this(flow, answers, null);
    }
}
