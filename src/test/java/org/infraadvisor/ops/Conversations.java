package org.infraadvisor.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.List;
import java.util.Map;

/** Test helper: drives a whole conversation over HTTP, answering every question with a plausible value. */
public final class Conversations {

    private Conversations() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> start(BlockingHttpClient http) {
        return http.retrieve(HttpRequest.POST("/api/conversations", Map.of("flow", "infra-strategy")), Map.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> answer(BlockingHttpClient http, String id, String question, Object value) {
        return http.retrieve(HttpRequest.POST("/api/conversations/" + id + "/answers", Map.of("question", question, "value", value)), Map.class);
    }

    /** Starts a conversation and answers until the recommendation is there; {@code preferred} overrides chosen values. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> complete(BlockingHttpClient http, Map<String, Object> preferred) {
        Map<String, Object> c = start(http);
        String id = (String) c.get("id");
        for (int turns = 0; c.get("question") != null; turns++) {
            if (turns > 100) {
                throw new AssertionError("the flow does not end");
            }
            Map<String, Object> q = (Map<String, Object>) c.get("question");
            String qid = (String) q.get("id");
            Object value = preferred.containsKey(qid) ? preferred.get(qid) : switch ((String) q.get("type")) {
                case "number" -> q.get("min") == null ? 1 : q.get("min");
                case "multi" -> List.of(((List<Map<String, Object>>) q.get("options")).get(0).get("value"));
                case "boolean" -> true;
                case "text" -> "some text";
                default -> ((List<Map<String, Object>>) q.get("options")).get(0).get("value");
            };
            c = answer(http, id, qid, value);
        }
        return c;
    }
}
