package org.infraadvisor.channels.slack;

import io.micronaut.core.annotation.Nullable;

/**
 * A user's message the bot was told about by the Events API: a mention in a channel, or a message in a
 * direct message or a thread.
 */
record SlackMessage(boolean mention, String teamId, String channelId, @Nullable String channelType, String userId,
                    String text, String ts, @Nullable String threadTs) {

    boolean direct() {
        return "im".equals(channelType);
    }

    SlackOrigin origin() {
        return new SlackOrigin(teamId, channelId, userId, threadTs != null ? threadTs : ts, null);
    }
}
