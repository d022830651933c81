package org.infraadvisor.channels.slack;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an answer modal answers, carried in the view's {@code private_metadata}: the conversation (by its
 * {@link BlockRef#refOf reference}, not its id) and question, and the channel and question message to update afterwards.
 */
record ModalMetadata(String conversationRef, String questionId, String channelId, String messageTs) {

    String encode() {
        return String.join("|", conversationRef, questionId, channelId, messageTs);
    }

    static Optional<ModalMetadata> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ModalMetadata(parts[0], parts[1], SlackIds.id("private_metadata", parts[2]),
                    SlackIds.ts("private_metadata", parts[3])));
        } catch (SlackPayloads.Malformed e) {
            return Optional.empty();
        }
    }
}
