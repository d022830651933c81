package org.infraadvisor.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The last recommendation of a conversation, as JSON, with the rules version that produced it. */
@MappedEntity("recommendation")
public record RecommendationRecord(@Id String conversationId, String rulesVersion, String bodyJson, Instant createdAt) {

    /** The room for {@code bodyJson}: the size of the column {@code recommendation.body_json} (Flyway V1), in characters. */
    public static final int MAX_BODY_JSON = 1_000_000;
}
