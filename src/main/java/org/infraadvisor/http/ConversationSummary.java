package org.infraadvisor.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.infraadvisor.ops.LogSafe;
import org.infraadvisor.store.ConversationRecord;

import java.time.Instant;

/**
 * What an administrator may see of a conversation: metadata only, never answers, advice, the id or the share token
 * (the id lets its holder change and erase the conversation). {@code ref} is the short reference the logs use.
 */
@Serdeable
public record ConversationSummary(String ref, String flow, String status, @Nullable String channel,
                                  Instant createdAt, Instant updatedAt, boolean shared) {

    static ConversationSummary of(ConversationRecord c, boolean shared) {
        return new ConversationSummary(LogSafe.conversationRef(c.id()), c.flow(), c.status(), c.channel(), c.createdAt(),
                c.updatedAt(), shared);
    }
}
