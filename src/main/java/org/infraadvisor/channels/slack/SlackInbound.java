package org.infraadvisor.channels.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;

/** A verified request to {@code POST /slack/events}, by kind. */
sealed interface SlackInbound {

    record UrlVerification(String challenge) implements SlackInbound {
    }

    record SlashCommand(SlashCommandPayload payload) implements SlackInbound {
    }

    /** An Events API callback; {@code message} is null for events the bot does not act on. */
    record Event(String eventId, String type, SlackMessage message) implements SlackInbound {
    }

    record BlockActions(BlockActionPayload payload) implements SlackInbound {
    }

    record ViewSubmission(ViewSubmissionPayload payload) implements SlackInbound {
    }

    /** Well-formed but of no interest (another interaction type, a view closed, …). */
    record Ignored(String what) implements SlackInbound {
    }
}
