package org.infraadvisor.channels.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Sends requests to {@code POST /slack/events} the way Slack does: exact bytes, signed with the signing secret
 * (HMAC computed here, independently of the code under test), and builds slash command, interaction and event
 * bodies.
 */
final class SlackTestClient {

    /** The signing secret of Slack's published request-signing example. */
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";
    static final String TEAM = "T0TEAM";

    private final URI endpoint;
    private final FakeSlackApi slack;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Shared by all clients: trigger and event ids must never repeat within a test run, or they would be deduplicated. */
    private static final AtomicInteger sequence = new AtomicInteger();

    SlackTestClient(URI server, FakeSlackApi slack) {
        this.endpoint = server.resolve("/slack/events");
        this.slack = slack;
    }

    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> send(String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return exchange(request.build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain request to the service (not signed: for the public API and share links). */
    HttpResponse<String> request(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", JSON);
        }
        return exchange(request.build());
    }

    HttpResponse<String> get(String path) {
        return request("GET", path, null);
    }

    HttpResponse<String> signedAt(long epochSeconds, String contentType, String body, Map<String, String> extraHeaders) {
        String ts = String.valueOf(epochSeconds);
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("X-Slack-Request-Timestamp", ts);
        headers.put("X-Slack-Signature", signature(SECRET, ts, body));
        return send(contentType, body, headers);
    }

    HttpResponse<String> signed(String contentType, String body) {
        return signedAt(Instant.now().getEpochSecond(), contentType, body, Map.of());
    }

    String nextId(String prefix) {
        return prefix + sequence.incrementAndGet();
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    // --- slash commands ---

    String slashBody(String user, String channel, String text) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy-verification-token");
        f.put("team_id", TEAM);
        f.put("team_domain", "acme");
        f.put("channel_id", channel);
        f.put("channel_name", "ai-plans");
        f.put("user_id", user);
        f.put("user_name", "user-" + user);
        f.put("command", "/advisor");
        f.put("text", text);
        f.put("response_url", slack.responseUrl(nextId("command-")));
        f.put("trigger_id", nextId("trigger.command."));
        return form(f);
    }

    HttpResponse<String> slash(String user, String channel, String text) {
        return signed(FORM, slashBody(user, channel, text));
    }

    // --- interactivity ---

    HttpResponse<String> interaction(JsonObject payload) {
        return signed(FORM, form(Map.of("payload", payload.toString())));
    }

    /** A block_actions payload for a click on the element {@code actionId} of a message the bot posted. */
    JsonObject click(String user, FakeSlackApi.Call message, String actionId, JsonObject actionFields, JsonObject state) {
        JsonObject element = null;
        String blockId = null;
        for (JsonElement b : message.blocks()) {
            JsonObject block = b.getAsJsonObject();
            if (!block.has("elements") || !block.get("type").getAsString().equals("actions")) {
                continue;
            }
            for (JsonElement e : block.getAsJsonArray("elements")) {
                if (e.getAsJsonObject().has("action_id") && e.getAsJsonObject().get("action_id").getAsString().equals(actionId)) {
                    element = e.getAsJsonObject();
                    blockId = block.get("block_id").getAsString();
                }
            }
        }
        if (element == null) {
            throw new AssertionError("the message has no element " + actionId + ": " + message.blocksText());
        }
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", blockId);
        action.addProperty("type", element.get("type").getAsString());
        if (element.has("value")) {
            action.addProperty("value", element.get("value").getAsString());
        }
        if (element.has("text")) {
            action.add("text", element.get("text"));
        }
        action.addProperty("action_ts", Instant.now().getEpochSecond() + "." + sequence.incrementAndGet());
        actionFields.entrySet().forEach(e -> action.add(e.getKey(), e.getValue()));

        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        payload.add("team", object("id", TEAM, "domain", "acme"));
        payload.add("user", object("id", user, "username", "user-" + user, "team_id", TEAM));
        payload.addProperty("api_app_id", "A0APP");
        payload.addProperty("token", "legacy-verification-token");
        JsonObject container = object("type", "message", "message_ts", message.messageTs(), "channel_id", message.channel());
        if (message.threadTs() != null) {
            container.addProperty("thread_ts", message.threadTs());
        }
        payload.add("container", container);
        payload.addProperty("trigger_id", nextId("trigger.action."));
        payload.add("channel", object("id", message.channel(), "name", "ai-plans"));
        payload.addProperty("response_url", slack.responseUrl(nextId("action-")));
        JsonArray actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        if (state != null) {
            payload.add("state", state);
        }
        return payload;
    }

    JsonObject click(String user, FakeSlackApi.Call message, String actionId) {
        return click(user, message, actionId, new JsonObject(), null);
    }

    /** A view_submission payload for the answer modal the bot opened, with the text typed into it. */
    JsonObject submit(String user, FakeSlackApi.Call viewsOpen, String typed) {
        JsonObject opened = viewsOpen.view();
        JsonObject value = object("type", "plain_text_input", "value", typed);
        JsonObject block = new JsonObject();
        block.add("value", value);
        JsonObject values = new JsonObject();
        values.add("answer", block);
        JsonObject state = new JsonObject();
        state.add("values", values);
        JsonObject view = object("id", "V1", "type", "modal", "callback_id", opened.get("callback_id").getAsString(),
                "private_metadata", opened.get("private_metadata").getAsString(), "hash", nextId("hash"));
        view.add("state", state);
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "view_submission");
        payload.add("team", object("id", TEAM, "domain", "acme"));
        payload.add("user", object("id", user, "username", "user-" + user, "team_id", TEAM));
        payload.addProperty("api_app_id", "A0APP");
        payload.addProperty("trigger_id", nextId("trigger.view."));
        payload.add("view", view);
        return payload;
    }

    // --- Events API ---

    JsonObject eventEnvelope(String eventId, JsonObject event) {
        JsonObject envelope = object("token", "legacy-verification-token", "team_id", TEAM, "api_app_id", "A0APP",
                "type", "event_callback", "event_id", eventId);
        envelope.addProperty("event_time", Instant.now().getEpochSecond());
        envelope.add("event", event);
        return envelope;
    }

    HttpResponse<String> event(JsonObject envelope, Integer retryNum) {
        Map<String, String> headers = retryNum == null ? Map.of()
                : Map.of("X-Slack-Retry-Num", String.valueOf(retryNum), "X-Slack-Retry-Reason", "http_timeout");
        return signedAt(Instant.now().getEpochSecond(), JSON, envelope.toString(), headers);
    }

    static JsonObject object(String... keyValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.addProperty(keyValues[i], keyValues[i + 1]);
        }
        return o;
    }
}
