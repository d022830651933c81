package org.infraadvisor.testsupport;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for tests that need every status as it is (no exceptions for 4xx/5xx) and raw bodies and paths. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public Api(URI base) {
        this.base = base;
    }

    public Api(String base) {
        this(URI.create(base));
    }

    public record Response(int status, String contentType, String body) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) read(body);
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, "application/json", write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends any method to a path taken as is (it must already be a valid URI path, percent-encoded where needed). */
    public Response send(String method, String rawPath, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + rawPath))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rawPath + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // Conversation helpers shared by the persistence tests.

    public Map<String, Object> start() {
        Response r = post("/api/conversations", Map.of("flow", "infra-strategy"));
        if (r.status() != 201) {
            throw new AssertionError("start: " + r);
        }
        return r.json();
    }

    public Response answer(String id, String question, Object value) {
        return post("/api/conversations/" + id + "/answers", Map.of("question", question, "value", value));
    }

    public Map<String, Object> answerOk(String id, String question, Object value) {
        Response r = answer(id, question, value);
        if (r.status() != 200) {
            throw new AssertionError("answer " + question + "=" + value + ": " + r);
        }
        return r.json();
    }

    public Map<String, Object> conversation(String id) {
        Response r = get("/api/conversations/" + id);
        if (r.status() != 200) {
            throw new AssertionError("get " + id + ": " + r);
        }
        return r.json();
    }

    /** Answers every question the flow asks, with the preferred value or "unknown", until nothing is left to ask. */
    public Map<String, Object> complete(String id, Map<String, Object> preferred) {
        Map<String, Object> conversation = conversation(id);
        for (int turn = 0; nextQuestion(conversation) != null; turn++) {
            if (turn > 100) {
                throw new AssertionError("the flow does not end");
            }
            String q = nextQuestion(conversation);
            conversation = answerOk(id, q, preferred.getOrDefault(q, "unknown"));
        }
        return conversation;
    }

    /** The stored answers of a conversation view as question → value. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> answers(Map<String, Object> conversation) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) conversation.get("answers")) {
            values.put((String) a.get("question"), a.get("value"));
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    public static String nextQuestion(Map<String, Object> conversation) {
        Map<String, Object> q = (Map<String, Object>) conversation.get("question");
        return q == null ? null : (String) q.get("id");
    }

    public static String write(Object value) {
        if (value == null) {
            return "null";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Object read(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}
