package org.infraadvisor.channels.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.json.GsonFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the three kinds of body Slack sends to one endpoint into Slack SDK payload classes: Events API JSON,
 * slash commands (form fields) and interactivity ({@code payload=} JSON in a form). Anything else is
 * {@link Malformed}, with a message that says what is wrong.
 */
final class SlackPayloads {

    static final Gson GSON = GsonFactory.createSnakeCase();

    private SlackPayloads() {
    }

    static SlackInbound parse(boolean json, String body) {
        if (body == null || body.isBlank()) {
            throw new Malformed("the body is empty");
        }
        return json ? events(object(body, "the body")) : form(body);
    }

    private static SlackInbound events(JsonObject root) {
        String type = string(root, "type");
        if (type == null) {
            throw new Malformed("the JSON body has no 'type'; expected url_verification or event_callback");
        }
        switch (type) {
            case "url_verification" -> {
                String challenge = string(root, "challenge");
                if (challenge == null) {
                    throw new Malformed("url_verification without 'challenge'");
                }
                return new SlackInbound.UrlVerification(challenge);
            }
            case "event_callback" -> {
                String eventId = SlackIds.token("event_id", required(root, "event_id", "event_callback"));
                String teamId = SlackIds.id("team_id", required(root, "team_id", "event_callback"));
                if (!(root.get("event") instanceof JsonObject event) || string(event, "type") == null) {
                    throw new Malformed("event_callback without an 'event' object with a 'type'");
                }
                String eventType = string(event, "type");
                return new SlackInbound.Event(eventId, eventType, message(teamId, eventType, event));
            }
            default -> {
                return new SlackInbound.Ignored("Events API request of type " + type);
            }
        }
    }

    /** The user message in an event, or null when the event is not one the bot acts on (bots, edits, joins…). */
    private static SlackMessage message(String teamId, String type, JsonObject event) {
        if (event.has("bot_id") || event.has("subtype")) {
            return null;
        }
        try {
            if (type.equals("app_mention")) {
                AppMentionEvent e = GSON.fromJson(event, AppMentionEvent.class);
                return complete(e.getUser(), e.getChannel(), e.getTs())
                        ? checked(new SlackMessage(true, teamId, e.getChannel(), null, e.getUser(), text(e.getText()), e.getTs(), e.getThreadTs()))
                        : null;
            }
            if (type.equals("message")) {
                MessageEvent e = GSON.fromJson(event, MessageEvent.class);
                return complete(e.getUser(), e.getChannel(), e.getTs())
                        ? checked(new SlackMessage(false, teamId, e.getChannel(), e.getChannelType(), e.getUser(), text(e.getText()), e.getTs(), e.getThreadTs()))
                        : null;
            }
        } catch (JsonParseException | IllegalStateException e) {
            throw new Malformed("the '%s' event is malformed: %s".formatted(type, JsonProblem.describe(e)));
        }
        return null;
    }

    private static SlackMessage checked(SlackMessage m) {
        SlackIds.id("event.channel", m.channelId());
        SlackIds.id("event.user", m.userId());
        SlackIds.ts("event.ts", m.ts());
        SlackIds.ts("event.thread_ts", m.threadTs());
        return m;
    }

    private static BlockActionPayload checked(BlockActionPayload p) {
        SlackIds.id("team.id", p.getTeam().getId());
        SlackIds.id("user.id", p.getUser().getId());
        SlackIds.token("trigger_id", p.getTriggerId());
        if (p.getChannel() != null && p.getChannel().getId() != null) {
            SlackIds.id("channel.id", p.getChannel().getId());
        }
        if (p.getContainer() != null) {
            if (p.getContainer().getChannelId() != null) {
                SlackIds.id("container.channel_id", p.getContainer().getChannelId());
            }
            SlackIds.ts("container.message_ts", p.getContainer().getMessageTs());
            SlackIds.ts("container.thread_ts", p.getContainer().getThreadTs());
        }
        SlackIds.ts("actions[0].action_ts", p.getActions().get(0).getActionTs());
        return p;
    }

    private static SlackInbound form(String body) {
        Map<String, String> fields = formFields(body);
        if (fields.containsKey("payload")) {
            return interaction(object(fields.get("payload"), "the 'payload' field"), fields.get("payload"));
        }
        if (fields.containsKey("command")) {
            SlashCommandPayload command = new SlashCommandPayloadParser().parse(body);
            for (String field : new String[]{"team_id", "channel_id", "user_id", "trigger_id"}) {
                if (fields.getOrDefault(field, "").isBlank()) {
                    throw new Malformed("slash command without '%s'".formatted(field));
                }
            }
            SlackIds.id("team_id", command.getTeamId());
            SlackIds.id("channel_id", command.getChannelId());
            SlackIds.id("user_id", command.getUserId());
            SlackIds.token("trigger_id", command.getTriggerId());
            return new SlackInbound.SlashCommand(command);
        }
        throw new Malformed("a form body needs 'command' (a slash command) or 'payload' (an interaction)");
    }

    private static SlackInbound interaction(JsonObject payload, String text) {
        String type = string(payload, "type");
        if (type == null) {
            throw new Malformed("the interaction payload has no 'type'");
        }
        try {
            switch (type) {
                case BlockActionPayload.TYPE -> {
                    BlockActionPayload p = GSON.fromJson(text, BlockActionPayload.class);
                    if (p.getTeam() == null || p.getUser() == null || p.getActions() == null || p.getActions().isEmpty()) {
                        throw new Malformed("block_actions payload needs 'team', 'user' and at least one action");
                    }
                    return new SlackInbound.BlockActions(checked(p));
                }
                case ViewSubmissionPayload.TYPE -> {
                    ViewSubmissionPayload p = GSON.fromJson(text, ViewSubmissionPayload.class);
                    if (p.getTeam() == null || p.getUser() == null || p.getView() == null) {
                        throw new Malformed("view_submission payload needs 'team', 'user' and 'view'");
                    }
                    SlackIds.id("team.id", p.getTeam().getId());
                    SlackIds.id("user.id", p.getUser().getId());
                    SlackIds.token("trigger_id", p.getTriggerId());
                    return new SlackInbound.ViewSubmission(p);
                }
                default -> {
                    return new SlackInbound.Ignored("interaction of type " + type);
                }
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new Malformed("the %s payload is malformed: %s".formatted(type, JsonProblem.describe(e)));
        }
    }

    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String[] pairs = body.split("&");
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.put(name, value);
            } catch (IllegalArgumentException e) {
                String name = eq < 0 ? pair : pair.substring(0, eq);
                throw new Malformed(("the form body is not URL-encoded correctly: field %s has a '%%' that is not followed"
                        + " by two hexadecimal digits").formatted(name.matches("\\w{1,40}") ? "'" + name + "'" : "number " + (i + 1)));
            }
        }
        return fields;
    }

    private static JsonObject object(String text, String what) {
        try {
            JsonElement element = GSON.fromJson(text, JsonElement.class);
            if (element == null || !element.isJsonObject()) {
                throw new Malformed(what + " is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new Malformed(what + " is not valid JSON: " + JsonProblem.describe(e));
        }
    }

    private static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static String required(JsonObject o, String field, String what) {
        String value = string(o, field);
        if (value == null || value.isBlank()) {
            throw new Malformed("%s without '%s'".formatted(what, field));
        }
        return value;
    }

    private static boolean complete(String... values) {
        for (String v : values) {
            if (v == null || v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }

    /** A body that is not a request Slack would send; the message says what is wrong. */
    static class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }
}
