package org.infraadvisor.channels.slack;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A Slack user's conversation in one channel: the stored conversation, the thread it lives in, the question
 * message waiting for an answer (if any) and the latest recommendation message.
 */
@MappedEntity("slack_conversation")
public record SlackLink(@Id @GeneratedValue @Nullable Long id, String teamId, String channelId, String userId,
                        String conversationId, String threadTs, @Nullable String questionId,
                        @Nullable String questionTs, @Nullable String recommendationTs, Instant updatedAt) {

    public SlackLink withPendingQuestion(@Nullable String question, @Nullable String ts, Instant now) {
        return new SlackLink(id, teamId, channelId, userId, conversationId, threadTs, question, ts, recommendationTs, now);
    }

    public SlackLink withRecommendation(String ts, Instant now) {
        return new SlackLink(id, teamId, channelId, userId, conversationId, threadTs, null, null, ts, now);
    }

    public SlackLink restartedAs(String newConversationId, String newThreadTs, Instant now) {
        return new SlackLink(id, teamId, channelId, userId, newConversationId, newThreadTs, null, null, null, now);
    }
}
