package org.infraadvisor.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The last recommendation of a conversation, as JSON, with the rules version that produced it. */
@MappedEntity("recommendation")
public record RecommendationRecord(@Id String conversationId, String rulesVersion, String bodyJson, Instant createdAt) {
}
