package org.infraadvisor.channels.slack;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * What an interactive block belongs to, carried in its {@code block_id} as {@code kind|conversation|question}:
 * a question to answer ({@code q}), the option picker of a multiple-choice question ({@code p}), or a
 * recommendation ({@code r}). Conversation ids are URL-safe base64 and question ids never contain {@code |}.
 */
record BlockRef(String kind, String conversationId, @Nullable String questionId) {

    static final String QUESTION = "q";
    static final String PICK = "p";
    static final String RECOMMENDATION = "r";

    static BlockRef question(String conversationId, String questionId) {
        return new BlockRef(QUESTION, conversationId, questionId);
    }

    static BlockRef pick(String conversationId, String questionId) {
        return new BlockRef(PICK, conversationId, questionId);
    }

    static BlockRef recommendation(String conversationId) {
        return new BlockRef(RECOMMENDATION, conversationId, null);
    }

    String encode() {
        return questionId == null ? kind + "|" + conversationId : kind + "|" + conversationId + "|" + questionId;
    }

    static Optional<BlockRef> decode(String blockId) {
        if (blockId == null) {
            return Optional.empty();
        }
        String[] parts = blockId.split("\\|", -1);
        if (parts.length == 3 && (parts[0].equals(QUESTION) || parts[0].equals(PICK)) && !parts[1].isEmpty() && !parts[2].isEmpty()) {
            return Optional.of(new BlockRef(parts[0], parts[1], parts[2]));
        }
        if (parts.length == 2 && parts[0].equals(RECOMMENDATION) && !parts[1].isEmpty()) {
            return Optional.of(new BlockRef(parts[0], parts[1], null));
        }
        return Optional.empty();
    }
}
