package org.infraadvisor.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.Fuzz;
import org.infraadvisor.testsupport.Problem;
import org.infraadvisor.testsupport.RawHttp;
import org.infraadvisor.testsupport.TestFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever a client sends to a public endpoint (generated JSON of every shape and type, broken JSON,
 * huge and deeply nested bodies, odd Unicode, path tricks, other methods and media types) the service never
 * answers 5xx, every 4xx is a problem document saying what is wrong, and a refused request changes nothing.
 * Inputs come from a seed printed with every failure; replay with {@code -Dfuzz.seed=<seed>}, widen with {@code -Dfuzz.tries=N}.
 * Runs on H2 and PostgreSQL (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiFuzzTest {

    static final List<String> QUESTIONS = List.of("workload", "model_size_b", "daily_requests", "tokens_per_request", "latency",
            "utilization", "data_residency", "budget", "software_stack", "horizon_years");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW");

    static final String SLACK_SECRET = "fuzz-signing-secret";
    static final List<String> SLACK_ACTIONS = List.of("answer_select", "answer_unknown", "answer_x", "multi_pick", "multi_submit",
            "open_input", "why", "restart", "change", "report");

    final long seed = Fuzz.seed();
    final int tries = Fuzz.tries();
    EmbeddedServer server;
    RawHttp raw;
    Api api;
    String id;

    abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        Map<String, Object> config = new HashMap<>(database());
        config.put("micronaut.server.port", -1);
        config.put("advisor.slack.signing-secret", SLACK_SECRET);
        config.put("advisor.slack.bot-token", "xoxb-fuzz");
        config.put("advisor.slack.api-url", "http://127.0.0.1:9/api/");
        config.putAll(TestFolders.properties("notes-test")); // the shipped flow and one with a free-text question
        server = ApplicationContext.run(EmbeddedServer.class, config, "test");
        raw = new RawHttp(server.getURI());
        api = new Api(server.getURI());
        id = api.start().id();
        api.answerOk(id, "workload", "inference");
        api.answerOk(id, "model_size_b", 70);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    record Sent(String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {
        String describe() {
            String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + shorten(target) + " " + headers + (chunked ? " chunked " : " ") + shorten(b);
        }

        private static String shorten(String s) {
            return s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + " chars)" : s;
        }
    }

    Api.Response send(Sent s) {
        return raw.send(s.method(), s.target().getBytes(StandardCharsets.UTF_8), s.headers(), s.body(), s.chunked());
    }

    /** A request with hostile headers now and then: other media types, odd Accept, huge or odd header values. */
    static Sent request(Fuzz f, String method, String target, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        String contentType = f.contentType();
        if (body != null && contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (f.chance(0.2)) {
            headers.put("Accept", f.oneOf("text/html", "application/xml", "*/*", "application/problem+json", "image/png;q=0.1", "garbage"));
        }
        if (f.chance(0.05)) {
            headers.put(f.oneOf("X-Request-Id", "Cookie", "Origin", "X-Forwarded-For", "Authorization"),
                    f.oneOf("x".repeat(f.between(1000, 20_000)), "ü🤖", "Bearer ", "null", "http://evil.example"));
        }
        return new Sent(method, target, headers, body, body != null && f.chance(0.15));
    }

    /** Sends and checks the response contract; returns the response for further checks. */
    Api.Response sendAndCheck(Fuzz fuzz, Sent s) {
        Api.Response r = send(s);
        String where = "seed " + fuzz.seedValue() + ": " + s.describe() + " → " + r;
        assertThat(r.status()).as(where).isBetween(200, 499);
        if (r.status() >= 400 && !s.method().equals("HEAD")) {
            assertThat(r.isProblem()).as("a problem document: " + where).isTrue();
            Problem problem = r.problem();
            assertThat(problem.status()).as(where).isEqualTo(r.status());
            assertThat(problem.detail()).as(where).isNotNull().satisfies(d -> assertThat(d).isNotBlank()
                    .as("the detail names no class of the service or its libraries: " + where)
                    .doesNotContainPattern("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*").doesNotContain("Exception", "REDACTED", "START_OBJECT"));
        }
        return r;
    }

    /** A body for an endpoint: mostly the right shape with hostile values, else anything at all. */
    byte[] body(Fuzz f, Map<String, Object> shaped) {
        int pick = f.between(0, 99);
        String text;
        if (pick < 45) {
            text = Api.write(shaped);
        } else if (pick < 65) {
            text = Api.write(f.json(4));
        } else if (pick < 80) {
            return f.broken(Api.write(shaped));
        } else if (pick < 90) {
            String nested = f.deeplyNested(f.between(300, 6000));
            text = f.chance(0.5) ? nested : "{\"question\":\"workload\",\"value\":" + nested + ",\"flow\":" + nested + "}";
        } else if (pick < 95) {
            text = "{\"question\":\"workload\",\"flow\":\"infra-strategy\",\"value\":\"" + "x".repeat(f.between(65_000, 150_000)) + "\"}";
        } else {
            text = Api.write(f.oneOf(List.of(List.of(), 42, "text", true)));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void startingAConversationNeverFails() {
        Fuzz f = new Fuzz(seed);
        for (int i = 0; i < tries; i++) {
            Map<String, Object> shaped = new LinkedHashMap<>();
            shaped.put("flow", f.chance(0.3) ? "infra-strategy" : f.json(2));
            if (f.chance(0.3)) {
                shaped.put(f.string(), f.json(2));
            }
            Api.Response r = sendAndCheck(f, request(f, "POST", "/api/conversations", body(f, shaped)));
            if (r.status() == 201) {
                assertThat(r.as(ConversationView.class).question().id()).isEqualTo("workload");
            }
        }
    }

    @Test
    void answersNeverFailAndRefusedOnesChangeNothing() {
        Fuzz f = new Fuzz(seed + 1);
        ConversationView before = api.conversation(id);
        for (int i = 0; i < tries; i++) {
            Map<String, Object> shaped = new LinkedHashMap<>();
            shaped.put("question", f.chance(0.7) ? f.oneOf(QUESTIONS) : f.json(1));
            shaped.put("value", f.chance(0.1) ? "unknown" : f.json(3));
            before = answerAndCheck(f, request(f, "POST", "/api/conversations/" + id + "/answers", body(f, shaped)), id, before);
        }
    }

    /** Sends an answer: a 200 is what reads back afterwards, anything else changed nothing. Returns the state now. */
    ConversationView answerAndCheck(Fuzz f, Sent sent, String conversation, ConversationView before) {
        Api.Response r = sendAndCheck(f, sent);
        ConversationView after = api.conversation(conversation);
        if (r.status() == 200) {
            assertThat(after).as("seed %d: %s", f.seedValue(), sent.describe()).isEqualTo(r.as(ConversationView.class));
            return after;
        }
        assertThat(after).as("refused, so unchanged: seed %d: %s", f.seedValue(), sent.describe()).isEqualTo(before);
        return before;
    }

    /** Free text within the question's limit that takes far more room once stored (controls, emoji): 200 or 422, never 500. */
    @Test
    void textAnswersNeverFailAndRefusedOnesChangeNothing() {
        Fuzz f = new Fuzz(seed + 5);
        String notes = api.post("/api/conversations", Map.of("flow", "notes-test")).as(ConversationView.class).id();
        ConversationView before = api.conversation(notes);
        for (int i = 0; i < tries / 4; i++) {
            int length = f.between(1, 2100);
            String text = switch (f.between(0, 3)) {
                case 0 -> f.randomUnicode(length);
                case 1 -> "\u0001".repeat(length);
                case 2 -> "\ud83d\ude80".repeat(length / 2 + 1);
                default -> f.string();
            };
            before = answerAndCheck(f, request(f, "POST", "/api/conversations/" + notes + "/answers",
                    Api.write(Map.of("question", "notes", "value", text)).getBytes(StandardCharsets.UTF_8)), notes, before);
        }
    }

    /** Whatever is sent to a share link, it only reads: the conversation behind it never changes. */
    @Test
    void shareLinksOnlyRead() {
        Fuzz f = new Fuzz(seed + 6);
        ConversationView before = api.conversation(id);
        String token = before.shareToken();
        for (int i = 0; i < tries; i++) {
            String target = f.oneOf("/api/shared/" + token, "/api/shared/" + token + "/report." + f.oneOf("html", "md", "pdf", "json", ""),
                    "/api/shared/" + token + "/" + f.idTrick(), "/api/shared/" + f.idTrick(), "/api/shared/" + f.idTrick() + "/report.html",
                    "/api/conversations/" + token, "/api/conversations/" + token + "/answers", "/api/conversations/" + token + "/share",
                    "/api/conversations/" + f.idTrick() + "/share", "/api/shared/" + token + "/../../conversations/" + id);
            String method = target.contains(id) ? "GET" : f.oneOf(METHODS); // the owner's id may change it; that is not this test
            byte[] body = method.equals("GET") || f.chance(0.3) ? null : body(f, Map.of("question", "workload", "value", "training"));
            Api.Response r = sendAndCheck(f, request(f, method, target, body));
            if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
                assertThat(r.status()).as("seed %d: %s %s → %s", f.seedValue(), method, target, r).isGreaterThanOrEqualTo(400);
            }
        }
        assertThat(api.conversation(id)).isEqualTo(before);
    }

    @Test
    void evaluatingNeverFails() {
        Fuzz f = new Fuzz(seed + 2);
        for (int i = 0; i < tries; i++) {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (int n = f.between(0, 6); n > 0; n--) {
                answers.put(f.chance(0.8) ? f.oneOf(QUESTIONS) : f.string(), f.chance(0.2) ? "unknown" : f.json(2));
            }
            Map<String, Object> shaped = new LinkedHashMap<>();
            shaped.put("flow", f.chance(0.7) ? "infra-strategy" : f.json(1));
            shaped.put("answers", f.chance(0.8) ? answers : f.json(2));
            sendAndCheck(f, request(f, "POST", "/api/evaluate", body(f, shaped)));
        }
    }

    /**
     * Bodies a lenient parser would take: a key given twice, a list or number where text is expected, a number in a form
     * Java reads but people do not write ("70d", "0x1p6"), "yes" for true. Each is refused with the status it deserves,
     * the detail names the field or key as the request wrote it, and the conversation does not change.
     */
    @Test
    void lenientJsonIsRefusedAndChangesNothing() {
        Fuzz f = new Fuzz(seed + 5);
        ConversationView before = api.conversation(id);
        String answers = "/api/conversations/" + id + "/answers";
        for (int i = 0; i < tries; i++) {
            String path;
            String body;
            int status;
            String named;
            switch (f.between(0, 4)) {
                case 0 -> {
                    Map<String, Object> shaped = map("question", f.oneOf(QUESTIONS), "value", f.json(1));
                    path = answers;
                    body = f.duplicateKey(shaped);
                    status = 400;
                    named = "appears twice";
                }
                case 1 -> {
                    path = f.oneOf(answers, "/api/conversations", "/api/evaluate");
                    String field = path.equals(answers) ? "question" : "flow";
                    body = Api.write(map(field, f.notText(), "value", "inference", "answers", Map.of()));
                    status = 400;
                    named = "the field '" + field + "'";
                }
                case 2 -> {
                    path = answers;
                    body = Api.write(map("question", "model_size_b", "value", f.numberJavaReads()));
                    status = 422;
                    named = "model_size_b";
                }
                case 3 -> {
                    path = "/api/evaluate";
                    body = Api.write(map("flow", "infra-strategy", "answers", Map.of("workload", "inference"), "explain", f.notBoolean()));
                    status = 400;
                    named = "the field 'explain'";
                }
                default -> {
                    path = f.oneOf("/api/evaluate", "/api/conversations/" + id + "/what-if");
                    body = f.duplicateKey(map("flow", "infra-strategy", "answers", map(f.oneOf(QUESTIONS), f.json(1))));
                    status = 400;
                    named = "appears twice";
                }
            }
            Sent sent = new Sent("POST", path, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8), f.chance(0.1));
            Api.Response r = sendAndCheck(f, sent);
            String where = "seed " + f.seedValue() + ": " + sent.describe() + " → " + r;
            assertThat(r.status()).as(where).isEqualTo(status);
            assertThat(r.problem().detail()).as(where).contains(named);
            assertThat(api.conversation(id)).as("refused, so unchanged: " + where).isEqualTo(before);
        }
    }

    /** A Slack-shaped body: block actions, modal submissions, slash commands, events, with hostile values. */
    static String slackBody(Fuzz f) {
        Map<String, Object> user = map("id", f.chance(0.7) ? "U0FUZZ" : f.oneOf(f.string(), "U0FUZZ\n12:00:00 INFO forged", "U" + "1".repeat(300)));
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("channel_id", f.chance(0.7) ? "C0FUZZ" : f.json(1));
        container.put("message_ts", f.chance(0.7) ? "1700000000.000100" : f.json(1));
        container.put("thread_ts", f.json(1));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action_id", f.chance(0.8) ? f.oneOf(SLACK_ACTIONS) : f.json(1));
        action.put("block_id", f.oneOf("q|" + f.idTrick() + "|workload", "q||", "p|x|y|z", "r|" + f.string(), f.string()));
        action.put("value", f.json(1));
        action.put("selected_option", f.chance(0.5) ? map("value", f.json(1)) : f.json(1));
        action.put("action_ts", f.json(1));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", f.oneOf("block_actions", "view_submission", "shortcut", "message_action", f.string()));
        payload.put("team", map("id", f.chance(0.8) ? "T0FUZZ" : f.json(1)));
        payload.put("user", f.chance(0.9) ? user : f.json(1));
        payload.put("channel", f.chance(0.5) ? map("id", "C0FUZZ") : f.json(1));
        payload.put("container", f.chance(0.8) ? container : f.json(1));
        payload.put("actions", f.chance(0.8) ? List.of(action) : f.json(2));
        payload.put("trigger_id", f.chance(0.8) ? "trigger." + f.between(0, 1_000_000) : f.json(1));
        payload.put("response_url", f.oneOf("http://127.0.0.1:9/respond", f.string()));
        payload.put("view", map("callback_id", f.oneOf("answer_modal", f.string()), "private_metadata", f.string(),
                "state", f.chance(0.5) ? map("values", map("answer", map("value", map("value", f.json(1))))) : f.json(2)));
        return switch (f.between(0, 3)) {
            case 0 -> "payload=" + java.net.URLEncoder.encode(Api.write(payload), StandardCharsets.UTF_8);
            case 1 -> form(Map.of("command", f.oneOf("/advisor", f.string()), "text", f.oneOf("", "help", "start", "restart", f.string()),
                    "team_id", "T0FUZZ", "channel_id", f.string(), "user_id", f.string(), "trigger_id", "t." + f.between(0, 1_000_000),
                    "response_url", "http://127.0.0.1:9/respond"));
            case 2 -> Api.write(map("type", f.oneOf("url_verification", "event_callback", f.string()), "challenge", f.json(1),
                    "event_id", f.chance(0.8) ? "Ev" + f.between(0, 1_000_000) : f.oneOf(f.json(1), "Ev" + "0".repeat(f.between(90, 400))),
                    "event", f.chance(0.8) ? map("type", f.oneOf("message", "app_mention", f.string()), "text", f.json(1),
                            "user", f.json(1), "channel", f.json(1), "channel_type", f.oneOf("im", "channel", f.string()),
                            "thread_ts", f.json(1)) : f.json(2)));
            default -> new String(f.broken(Api.write(payload)), StandardCharsets.UTF_8);
        };
    }

    /** Like Map.of, but JSON null values are welcome. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
    }

    static String slackSignature(String timestamp, byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void slackPayloadsNeverFailAndTouchNothing() {
        Fuzz f = new Fuzz(seed + 4);
        ConversationView before = api.conversation(id);
        for (int i = 0; i < tries; i++) {
            String text = slackBody(f);
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", text.startsWith("{") ? "application/json" : f.oneOf("application/x-www-form-urlencoded",
                    "application/x-www-form-urlencoded; charset=UTF-8", "application/json", "text/plain"));
            long now = java.time.Instant.now().getEpochSecond();
            // now and then a stale one, or one whose milliseconds wrap around a long into the window (signed all the same)
            String ts = String.valueOf(f.chance(0.1) ? now - f.between(301, 100_000) : f.chance(0.05) ? now + 18_446_744_073_709_552L : now);
            if (f.chance(0.9)) {
                headers.put("X-Slack-Request-Timestamp", f.chance(0.95) ? ts : f.string());
                headers.put("X-Slack-Signature", f.chance(0.9) ? slackSignature(ts, body) : f.oneOf("v0=00", "", f.string()));
            }
            if (f.chance(0.1)) {
                headers.put("X-Slack-Retry-Num", f.oneOf("1", "-1", f.string()));
            }
            sendAndCheck(f, new Sent("POST", "/slack/events", headers, body, f.chance(0.1)));
        }
        assertThat(api.conversation(id)).isEqualTo(before);
    }

    @Test
    void pathTricksAndOtherMethodsNeverFailAndTouchNothing() {
        Fuzz f = new Fuzz(seed + 3);
        ConversationView before = api.conversation(id);
        for (int i = 0; i < tries; i++) {
            String trick = f.idTrick();
            String target = f.oneOf(
                    "/api/conversations/" + trick, "/api/conversations/" + trick + "/answers", "/api/conversations/" + id + "/" + trick,
                    "/api/flows/" + trick, "/api/" + trick, "/api/evaluate/" + trick, "/" + trick, "/api/conversations/" + trick + "/../" + id,
                    "/api/conversations?" + trick, "/api/flows?flow=" + trick);
            String method = f.oneOf(METHODS);
            if (target.contains(id) && !method.equals("GET")) {
                method = "GET";
            }
            byte[] body = method.equals("GET") || f.chance(0.3) ? null : body(f, Map.of("question", "workload", "value", "training"));
            sendAndCheck(f, request(f, method, target, body));
        }
        assertThat(api.conversation(id)).isEqualTo(before);
    }
}
