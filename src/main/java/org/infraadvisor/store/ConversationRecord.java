package org.infraadvisor.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * A stored conversation; {@code version} makes concurrent turns on the same conversation fail instead of overwrite.
 * The id is the owner's key (it reads, answers and erases); its read-only share token is kept apart
 * ({@link ShareRecord}).
 */
@MappedEntity("conversation")
public record ConversationRecord(@Id String id, String flow, String status, @Nullable String channel,
                                 Instant createdAt, Instant updatedAt, @Version @Nullable Long version) {

    public ConversationRecord withStatus(String newStatus, Instant now) {
        return new ConversationRecord(id, flow, newStatus, channel, createdAt, now, version);
    }
}
