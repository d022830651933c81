package org.infraadvisor.testsupport;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.infraadvisor.document.ConversationView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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

        /** The body read as one of the service's response records. */
        public <T> T as(Class<T> type) {
            return read(body, type);
        }

        public Problem problem() {
            return as(Problem.class);
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

    public ConversationView start() {
        Response r = post("/api/conversations", Map.of("flow", AdvisorClient.FLOW));
        if (r.status() != 201) {
            throw new AssertionError("start: " + r);
        }
        return r.as(ConversationView.class);
    }

    public Response answer(String id, String question, Object value) {
        return post("/api/conversations/" + id + "/answers", Map.of("question", question, "value", value));
    }

    public ConversationView answerOk(String id, String question, Object value) {
        Response r = answer(id, question, value);
        if (r.status() != 200) {
            throw new AssertionError("answer " + question + "=" + value + ": " + r);
        }
        return r.as(ConversationView.class);
    }

    public ConversationView conversation(String id) {
        Response r = get("/api/conversations/" + id);
        if (r.status() != 200) {
            throw new AssertionError("get " + id + ": " + r);
        }
        return r.as(ConversationView.class);
    }

    /** Answers every question the flow asks, with the preferred value or "unknown", until nothing is left to ask. */
    public ConversationView complete(String id, Map<String, ?> preferred) {
        return Answering.answerAll(conversation(id), preferred, Answering::unknown, this::answerOk);
    }

    /** The stored answers of a conversation view as question → value. */
    public static Map<String, Object> answers(ConversationView conversation) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConversationView.AnswerView a : conversation.answers()) {
            values.put(a.question(), a.value());
        }
        return values;
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
        return read(text, Object.class);
    }

    public static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON of " + type.getSimpleName() + ": " + text, e);
        }
    }

    /** A JSON object whose values may be anything, as question → answer maps are. */
    public static Map<String, Object> readObject(String text) {
        try {
            return JSON.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + text, e);
        }
    }
}
