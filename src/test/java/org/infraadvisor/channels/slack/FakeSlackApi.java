package org.infraadvisor.channels.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fake Slack Web API on loopback: answers {@code chat.postMessage}, {@code chat.update},
 * {@code chat.postEphemeral}, {@code views.open} and {@code response_url} posts the way Slack does, and records
 * each call so that tests can wait for it and inspect the Block Kit that was sent.
 */
final class FakeSlackApi implements AutoCloseable {

    /** One call the bot made. {@code ts} is the timestamp the fake gave a posted message. */
    record Call(String method, Map<String, String> form, JsonObject json, String authorization, String ts) {

        String channel() {
            return form.get("channel");
        }

        String threadTs() {
            return form.get("thread_ts");
        }

        /** The ts of the message this call is about: the one it posted, or the one it updated. */
        String messageTs() {
            return ts != null ? ts : form.get("ts");
        }

        JsonArray blocks() {
            String blocks = form.get("blocks");
            return blocks == null ? new JsonArray() : JsonParser.parseString(blocks).getAsJsonArray();
        }

        JsonObject view() {
            return JsonParser.parseString(form.get("view")).getAsJsonObject();
        }

        String blocksText() {
            return blocks().toString();
        }

        boolean hasActions() {
            for (JsonElement b : blocks()) {
                if (b.getAsJsonObject().get("type").getAsString().equals("actions")) {
                    return true;
                }
            }
            return false;
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000_100L);
    private final Set<String> refusedChannels = ConcurrentHashMap.newKeySet();

    private FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::webApi);
        server.createContext("/response/", this::responseUrl);
        server.start();
    }

    static FakeSlackApi start() {
        try {
            return new FakeSlackApi();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String apiUrl() {
        return base() + "/api/";
    }

    String responseUrl(String name) {
        return base() + "/response/" + name;
    }

    /** What the service is told to accept as Slack's response_url ({@code advisor.slack.response-url-prefix}). */
    String responseUrlPrefix() {
        return base() + "/response/";
    }

    /**
     * What a test application is told to talk to this fake as Slack (signing secret, bot token, Web API and
     * response_url), plus the test's own properties given as key, value pairs.
     */
    Map<String, String> serviceProperties(String... more) {
        Map<String, String> properties = new LinkedHashMap<>(Map.of(
                "advisor.slack.signing-secret", SlackTestClient.SECRET, "advisor.slack.bot-token", "xoxb-test-token",
                "advisor.slack.api-url", apiUrl(), "advisor.slack.response-url-prefix", responseUrlPrefix()));
        for (int i = 0; i + 1 < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    /** Makes chat.postMessage to this channel fail the way Slack does when the bot is not a member. */
    void refuseChannel(String channel) {
        refusedChannels.add(channel);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits until the recorded calls satisfy the condition; fails with what was recorded after the timeout. */
    synchronized List<Call> await(String what, Predicate<List<Call>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.test(calls)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; calls so far: "
                        + calls.stream().map(c -> c.method() + " " + c.form().getOrDefault("channel", "") + " " + c.messageTs()).toList());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return List.copyOf(calls);
    }

    /** Polls a condition on something other than the recorded calls (such as the database) until a deadline. */
    static void poll(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits for the {@code n}-th call (1-based) of a method matching the condition and returns it. */
    Call awaitCall(String method, int n, Predicate<Call> condition) {
        List<Call> all = await(n + " × " + method, cs -> cs.stream().filter(c -> c.method().equals(method)).filter(condition).count() >= n);
        return all.stream().filter(c -> c.method().equals(method)).filter(condition).skip(n - 1).findFirst().orElseThrow();
    }

    private synchronized void record(Call call) {
        calls.add(call);
        notifyAll();
    }

    private void webApi(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        JsonObject reply = new JsonObject();
        String ts = null;
        if (method.equals("chat.postMessage") && refusedChannels.contains(form.get("channel"))) {
            reply.addProperty("ok", false);
            reply.addProperty("error", "not_in_channel");
        } else {
            reply.addProperty("ok", true);
            switch (method) {
                case "chat.postMessage" -> {
                    long t = clock.incrementAndGet();
                    ts = (t / 1_000_000) + "." + String.format("%06d", t % 1_000_000);
                    reply.addProperty("channel", form.get("channel"));
                    reply.addProperty("ts", ts);
                }
                case "chat.update" -> {
                    reply.addProperty("channel", form.get("channel"));
                    reply.addProperty("ts", form.get("ts"));
                }
                case "chat.postEphemeral" -> reply.addProperty("message_ts", String.valueOf(clock.incrementAndGet()));
                case "views.open" -> {
                    JsonObject view = new JsonObject();
                    view.addProperty("id", "V" + clock.incrementAndGet());
                    reply.add("view", view);
                }
                default -> {
                    reply.addProperty("ok", false);
                    reply.addProperty("error", "unknown_method");
                }
            }
        }
        record(new Call(method, form, null, auth, ts));
        send(exchange, "application/json", reply.toString());
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        record(new Call("response_url", Map.of("url", exchange.getRequestURI().getPath()), JsonParser.parseString(body).getAsJsonObject(), null, null));
        send(exchange, "text/plain", "ok");
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
