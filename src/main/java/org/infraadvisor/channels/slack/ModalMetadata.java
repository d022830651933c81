package org.infraadvisor.channels.slack;

import java.util.Optional;

/**
 * What an answer modal answers, carried in the view's {@code private_metadata}: the conversation and
 * question, and the channel and question message to update afterwards.
 */
record ModalMetadata(String conversationId, String questionId, String channelId, String messageTs) {

    String encode() {
        return String.join("|", conversationId, questionId, channelId, messageTs);
    }

    static Optional<ModalMetadata> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            return Optional.empty();
        }
        return Optional.of(new ModalMetadata(parts[0], parts[1], parts[2], parts[3]));
    }
}
