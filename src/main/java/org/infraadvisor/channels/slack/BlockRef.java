package org.infraadvisor.channels.slack;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an interactive block belongs to, carried in its {@code block_id} as {@code kind|conversation|question}:
 * a question to answer ({@code q}), the option picker of a multiple-choice question ({@code p}), the "Finish now"
 * button under a question ({@code f}), or a recommendation ({@code r}). Messages in a channel can be read by everyone
 * in it, so the conversation is named by {@link #refOf a one-way reference}, never by its id (which lets its holder
 * answer and erase). A click is taken only from the user whose own conversation has that reference. Question ids never contain {@code |}.
 */
record BlockRef(String kind, String conversationRef, @Nullable String questionId) {

    static final String QUESTION = "q";
    static final String PICK = "p";
    static final String FINISH = "f";
    static final String RECOMMENDATION = "r";
    /** The button under an answered (or left open) question that asks it again. */
    static final String CHANGE = "c";
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static BlockRef question(String conversationRef, String questionId) {
        return new BlockRef(QUESTION, conversationRef, questionId);
    }

    static BlockRef pick(String conversationRef, String questionId) {
        return new BlockRef(PICK, conversationRef, questionId);
    }

    static BlockRef finish(String conversationRef, String questionId) {
        return new BlockRef(FINISH, conversationRef, questionId);
    }

    static BlockRef change(String conversationRef, String questionId) {
        return new BlockRef(CHANGE, conversationRef, questionId);
    }

    static BlockRef recommendation(String conversationRef) {
        return new BlockRef(RECOMMENDATION, conversationRef, null);
    }

    /**
     * The reference a conversation goes by in Slack: 96 bits of a SHA-256 of its id. It tells which conversation a
     * message belongs to; it cannot be turned back into the id, and it grants nothing by itself.
     */
    static String refOf(String conversationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("infra-advisor/slack/" + conversationId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String encode() {
        return questionId == null ? kind + "|" + conversationRef : kind + "|" + conversationRef + "|" + questionId;
    }

    static Optional<BlockRef> decode(String blockId) {
        if (blockId == null) {
            return Optional.empty();
        }
        String[] parts = blockId.split("\\|", -1);
        boolean ofQuestion = parts[0].equals(QUESTION) || parts[0].equals(PICK) || parts[0].equals(FINISH) || parts[0].equals(CHANGE);
        if (parts.length == 3 && ofQuestion && REF.matcher(parts[1]).matches() && !parts[2].isEmpty()) {
            return Optional.of(new BlockRef(parts[0], parts[1], parts[2]));
        }
        if (parts.length == 2 && parts[0].equals(RECOMMENDATION) && REF.matcher(parts[1]).matches()) {
            return Optional.of(new BlockRef(parts[0], parts[1], null));
        }
        return Optional.empty();
    }
}
