package org.infraadvisor.channels.slack;

import io.micronaut.core.annotation.Nullable;

/**
 * Who asked, where: the Slack workspace, channel and user, the thread to answer in (when the request came
 * from a message) and the {@code response_url} for private notes (slash commands and clicks carry one).
 */
record SlackOrigin(String teamId, String channelId, String userId, @Nullable String threadTs, @Nullable String responseUrl) {

    SlackOrigin withoutThread() {
        return new SlackOrigin(teamId, channelId, userId, null, responseUrl);
    }
}
