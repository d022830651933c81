package org.infraadvisor.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * A stored conversation; {@code version} makes concurrent turns on the same conversation fail instead of overwrite.
 * The id is the owner's key (it reads, answers and erases); {@code shareToken}, when set, only reads the advice.
 */
@MappedEntity("conversation")
public record ConversationRecord(@Id String id, String flow, String status, @Nullable String channel,
                                 Instant createdAt, Instant updatedAt, @Nullable String shareToken,
                                 @Version @Nullable Long version) {

    public ConversationRecord withStatus(String newStatus, Instant now) {
        return new ConversationRecord(id, flow, newStatus, channel, createdAt, now, shareToken, version);
    }

    public ConversationRecord withShareToken(@Nullable String token, Instant now) {
        return new ConversationRecord(id, flow, status, channel, createdAt, now, token, version);
    }
}
