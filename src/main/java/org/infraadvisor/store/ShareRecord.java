package org.infraadvisor.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * The read-only share token of a conversation, when sharing is on: it grants reading the advice and nothing else.
 * Kept apart from the conversation's row (Flyway V11) because H2 rewrites every index of a row it updates, and the
 * conversation's row is updated on every answer while its token rarely changes.
 */
@MappedEntity("conversation_share")
public record ShareRecord(@Id String conversationId, String shareToken) {
}
