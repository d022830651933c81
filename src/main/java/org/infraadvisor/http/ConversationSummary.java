package org.infraadvisor.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.infraadvisor.store.ConversationRecord;

import java.time.Instant;

/** What an administrator may see of a conversation: metadata only, never answers or advice. */
@Serdeable
public record ConversationSummary(String id, String flow, String status, @Nullable String channel,
                                  Instant createdAt, Instant updatedAt) {

    static ConversationSummary of(ConversationRecord c) {
        return new ConversationSummary(c.id(), c.flow(), c.status(), c.channel(), c.createdAt(), c.updatedAt());
    }
}
