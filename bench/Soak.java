import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Soak driver: mixed traffic against several instances of the service that share one database, for a
 * bounded time, from loopback only. Every turn of a conversation goes to another instance than the turn
 * before; what one instance acknowledged is read back from another. Anything unexpected is an error.
 *
 * Run it through bench/soak.sh, which starts the database and two instances, or by hand:
 *   java -cp target/infra-advisor-0.1.0.jar bench/Soak.java --targets http://127.0.0.1:8081,http://127.0.0.1:8082 --minutes 2
 */
public class Soak {

    static final int MAX_MINUTES = 60;
    static final int MAX_WORKERS = 64;
    static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    final List<URI> targets;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final JsonMapper json = JsonMapper.createDefault();

    final Map<String, LongAdder> scenarios = new ConcurrentHashMap<>();
    final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    final LongAdder requests = new LongAdder();
    final LongAdder acknowledgedAnswers = new LongAdder();
    final LongAdder conflicts = new LongAdder();
    final AtomicLong errorCount = new AtomicLong();
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    final List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());

    final boolean races;

    Soak(List<URI> targets, boolean races) {
        this.targets = targets;
        this.races = races;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.HashMap<>(Map.of("--minutes", "2", "--workers", "16", "--seed", "1", "--races", "on"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        if (!opts.containsKey("--targets")) {
            System.err.println("usage: Soak --targets http://127.0.0.1:A,http://127.0.0.1:B [--minutes 2] [--workers 16] [--seed 1] [--races on|off]");
            System.exit(2);
        }
        List<URI> targets = Arrays.stream(opts.get("--targets").split(",")).map(String::trim).map(URI::create).toList();
        for (URI t : targets) {
            if (!LOOPBACK.contains(t.getHost())) {
                System.err.println("refusing a target that is not on loopback: " + t);
                System.exit(2);
            }
        }
        double minutes = Math.min(MAX_MINUTES, Double.parseDouble(opts.get("--minutes")));
        int workers = Math.min(MAX_WORKERS, Integer.parseInt(opts.get("--workers")));
        long seed = Long.parseLong(opts.get("--seed"));
        Soak soak = new Soak(targets, !"off".equals(opts.get("--races")));
        int exit = soak.run(Duration.ofMillis((long) (minutes * 60_000)), workers, seed);
        System.exit(exit);
    }

    int run(Duration length, int workers, long seed) throws Exception {
        System.out.printf("soak: %d instances %s, %d workers, %s, races %s%n", targets.size(), targets, workers, length, races ? "on" : "off");
        Map<URI, Double> turnsBefore = turnsPerInstance();
        Instant start = Instant.now();
        Instant deadline = start.plus(length);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int w = 0; w < workers; w++) {
            SplittableRandom random = seeds.split();
            pool.submit(() -> worker(random, deadline));
        }
        pool.shutdown();
        if (!pool.awaitTermination(length.toMinutes() + 5, TimeUnit.MINUTES)) {
            error("workers did not finish within five minutes after the deadline");
            pool.shutdownNow();
        }
        Duration took = Duration.between(start, Instant.now());
        Map<URI, Double> turnsAfter = turnsPerInstance();
        double turnsCounted = targets.stream().mapToDouble(t -> turnsAfter.get(t) - turnsBefore.get(t)).sum();
        if (turnsCounted != acknowledgedAnswers.sum()) {
            error("instances counted %.0f turns (advisor_turns_total) but acknowledged %d answers".formatted(turnsCounted, acknowledgedAnswers.sum()));
        }
        report(took, turnsBefore, turnsAfter);
        return errorCount.get() == 0 ? 0 : 1;
    }

    void worker(SplittableRandom random, Instant deadline) {
        long[] lat = new long[200_000];
        int[] n = {0};
        latencies.add(lat);
        while (Instant.now().isBefore(deadline)) {
            int pick = random.nextInt(100);
            String scenario = pick < 55 ? "conversation" : pick < 65 ? "change-answer" : pick < 75 ? "invalid-answer"
                    : pick < 85 ? "evaluate" : pick < 90 ? "erase" : pick < 95 && races ? "race" : "operator";
            scenarios.computeIfAbsent(scenario, k -> new LongAdder()).increment();
            try {
                switch (scenario) {
                    case "conversation" -> conversation(random, lat, n);
                    case "change-answer" -> changeAnswer(random, lat, n);
                    case "invalid-answer" -> invalidAnswer(random, lat, n);
                    case "evaluate" -> evaluate(random, lat, n);
                    case "erase" -> erase(random, lat, n);
                    case "race" -> race(random, lat, n);
                    default -> operator(random, lat, n);
                }
            } catch (Exception e) {
                error(scenario + ": " + e);
            }
        }
        latencies.set(latencies.indexOf(lat), Arrays.copyOf(lat, n[0]));
    }

    // ---- scenarios --------------------------------------------------------------------------------------

    /** Start on one instance, answer turn by turn alternating instances, read the result back from another. */
    Map<String, Object> conversation(SplittableRandom random, long[] lat, int[] n) throws Exception {
        int instance = random.nextInt(targets.size());
        Reply started = call(lat, n, instance, "POST", "/api/conversations", Map.of("flow", "infra-strategy"));
        expect(started, 201, "start");
        Map<String, Object> c = started.body();
        String id = (String) c.get("id");
        for (int turn = 0; c.get("question") != null; turn++) {
            if (turn > 60) {
                error("conversation " + id + " did not end after 60 turns");
                return c;
            }
            Map<String, Object> q = map(c.get("question"));
            instance = (instance + 1) % targets.size();
            Reply answered = call(lat, n, instance, "POST", "/api/conversations/" + id + "/answers",
                    Map.of("question", q.get("id"), "value", value(random, q)));
            expect(answered, 200, "answer " + q.get("id"));
            acknowledgedAnswers.increment();
            c = answered.body();
        }
        if (!"completed".equals(c.get("status")) || c.get("recommendation") == null) {
            error("conversation " + id + " ended without a recommendation");
        }
        instance = (instance + 1) % targets.size();
        Reply readBack = call(lat, n, instance, "GET", "/api/conversations/" + id, null);
        expect(readBack, 200, "read back");
        if (!Objects.equals(readBack.body(), c)) {
            error("conversation " + id + " read back from another instance differs from what was acknowledged");
        }
        return c;
    }

    void changeAnswer(SplittableRandom random, long[] lat, int[] n) throws Exception {
        Map<String, Object> c = conversation(random, lat, n);
        String id = (String) c.get("id");
        String workload = List.of("training", "inference", "fine-tuning", "mixed").get(random.nextInt(4));
        Reply changed = call(lat, n, random.nextInt(targets.size()), "POST", "/api/conversations/" + id + "/answers",
                Map.of("question", "workload", "value", workload));
        expect(changed, 200, "change workload");
        acknowledgedAnswers.increment();
        Map<String, Object> after = changed.body();
        // the flow may ask new questions after a change: finish them so the conversation completes again
        int instance = 0;
        while (after.get("question") != null) {
            Map<String, Object> q = map(after.get("question"));
            Reply r = call(lat, n, instance++ % targets.size(), "POST", "/api/conversations/" + id + "/answers",
                    Map.of("question", q.get("id"), "value", value(random, q)));
            expect(r, 200, "answer after change");
            acknowledgedAnswers.increment();
            after = r.body();
        }
        if (after.get("recommendation") == null) {
            error("no recommendation after changing an answer in " + id);
        }
    }

    void invalidAnswer(SplittableRandom random, long[] lat, int[] n) throws Exception {
        Reply started = call(lat, n, random.nextInt(targets.size()), "POST", "/api/conversations", Map.of("flow", "infra-strategy"));
        expect(started, 201, "start");
        String id = (String) started.body().get("id");
        Object bad = List.of("warp-drive", 12, List.of("x"), true).get(random.nextInt(4));
        Reply refused = call(lat, n, random.nextInt(targets.size()), "POST", "/api/conversations/" + id + "/answers",
                Map.of("question", "workload", "value", bad));
        expect(refused, 422, "invalid answer");
        Reply after = call(lat, n, random.nextInt(targets.size()), "GET", "/api/conversations/" + id, null);
        expect(after, 200, "read after refusal");
        if (!Objects.equals(after.body(), started.body())) {
            error("a refused answer changed conversation " + id);
        }
    }

    void evaluate(SplittableRandom random, long[] lat, int[] n) throws Exception {
        Map<String, Object> answers = Map.of(
                "workload", List.of("training", "inference", "mixed").get(random.nextInt(3)),
                "model_size_b", List.of(1, 8, 70, 405).get(random.nextInt(4)),
                "data_residency", List.of("none", "on-premises").get(random.nextInt(2)));
        Reply r = call(lat, n, random.nextInt(targets.size()), "POST", "/api/evaluate", Map.of("flow", "infra-strategy", "answers", answers));
        expect(r, 200, "evaluate");
        if (r.body() == null || r.body().get("recommendation") == null) {
            error("evaluate without a recommendation");
        }
    }

    void erase(SplittableRandom random, long[] lat, int[] n) throws Exception {
        Reply started = call(lat, n, 0, "POST", "/api/conversations", Map.of("flow", "infra-strategy"));
        expect(started, 201, "start");
        String id = (String) started.body().get("id");
        Reply first = call(lat, n, 1 % targets.size(), "POST", "/api/conversations/" + id + "/answers",
                Map.of("question", "workload", "value", "inference"));
        expect(first, 200, "answer before erase");
        acknowledgedAnswers.increment();
        expect(call(lat, n, random.nextInt(targets.size()), "DELETE", "/api/conversations/" + id, null), 204, "erase");
        for (int i = 0; i < targets.size(); i++) {
            expect(call(lat, n, i, "GET", "/api/conversations/" + id, null), 404, "read after erase");
        }
    }

    /** The same conversation answered at the same moment on two instances: each answer is applied or refused with 409. */
    void race(SplittableRandom random, long[] lat, int[] n) throws Exception {
        Reply started = call(lat, n, 0, "POST", "/api/conversations", Map.of("flow", "infra-strategy"));
        expect(started, 201, "start");
        String id = (String) started.body().get("id");
        List<Thread> threads = new ArrayList<>();
        List<Reply> replies = Collections.synchronizedList(new ArrayList<>());
        for (String workload : List.of("training", "inference")) {
            int instance = threads.size() % targets.size();
            Thread thread = new Thread(() -> {
                try {
                    replies.add(send(instance, "POST", "/api/conversations/" + id + "/answers", Map.of("question", "workload", "value", workload)));
                } catch (Exception e) {
                    error("race: " + e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Reply r : replies) {
            requests.increment();
            statuses.computeIfAbsent(Integer.toString(r.status()), k -> new LongAdder()).increment();
            if (r.status() == 200) {
                acknowledgedAnswers.increment();
            } else if (r.status() == 409) {
                conflicts.increment();
            } else {
                error("race answer on " + id + ": status " + r.status() + " " + shorten(r.text()));
            }
        }
        Reply after = call(lat, n, 1 % targets.size(), "GET", "/api/conversations/" + id, null);
        expect(after, 200, "read after race");
        List<Map<String, Object>> answers = list(after.body().get("answers"));
        if (answers.size() != 1) {
            error("after a race conversation " + id + " holds " + answers.size() + " answers to one question");
        }
    }

    void operator(SplittableRandom random, long[] lat, int[] n) throws Exception {
        int i = random.nextInt(targets.size());
        expect(call(lat, n, i, "GET", "/api/flows", null), 200, "flows");
        expect(callText(lat, n, i, "/health/readiness"), 200, "readiness");
        expect(callText(lat, n, i, "/prometheus"), 200, "prometheus");
    }

    // ---- plumbing ---------------------------------------------------------------------------------------

    record Reply(int status, String text, Map<String, Object> body) {
    }

    static Object value(SplittableRandom random, Map<String, Object> q) {
        if (random.nextInt(10) == 0) {
            return "unknown";
        }
        return switch ((String) q.get("type")) {
            case "number" -> {
                double min = q.get("min") == null ? 0 : ((Number) q.get("min")).doubleValue();
                double max = q.get("max") == null ? 100 : Math.min(((Number) q.get("max")).doubleValue(), 1000);
                yield Math.round(min + random.nextDouble() * (max - min));
            }
            case "multi" -> List.of(list(q.get("options")).get(0).get("value"));
            case "boolean" -> random.nextBoolean();
            case "text" -> "soak text";
            default -> {
                List<Map<String, Object>> options = list(q.get("options"));
                yield options.get(random.nextInt(options.size())).get("value");
            }
        };
    }

    Reply call(long[] lat, int[] n, int instance, String method, String path, Object body) throws Exception {
        long t0 = System.nanoTime();
        Reply r = send(instance, method, path, body);
        record(lat, n, System.nanoTime() - t0, r.status());
        return r;
    }

    /** Metrics and health details need the management token (soak.sh sets ADVISOR_MANAGEMENT_TOKEN for the instances and the driver). */
    static HttpRequest.Builder management(HttpRequest.Builder request) {
        String token = System.getenv("ADVISOR_MANAGEMENT_TOKEN");
        return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token);
    }

    Reply callText(long[] lat, int[] n, int instance, String path) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(management(HttpRequest.newBuilder(targets.get(instance).resolve(path))).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        record(lat, n, System.nanoTime() - t0, r.statusCode());
        return new Reply(r.statusCode(), r.body(), null);
    }

    @SuppressWarnings("unchecked")
    Reply send(int instance, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(targets.get(instance).resolve(path)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            b.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> parsed = null;
        if (r.body() != null && r.body().startsWith("{")) {
            parsed = json.readValue(r.body(), Map.class);
        }
        return new Reply(r.statusCode(), r.body(), parsed);
    }

    void record(long[] lat, int[] n, long nanos, int status) {
        requests.increment();
        statuses.computeIfAbsent(Integer.toString(status), k -> new LongAdder()).increment();
        if (n[0] < lat.length) {
            lat[n[0]++] = nanos;
        }
    }

    void expect(Reply r, int status, String what) {
        if (r.status() != status) {
            error("%s: expected %d, got %d %s".formatted(what, status, r.status(), shorten(r.text())));
            throw new IllegalStateException("stop scenario");
        }
    }

    void error(String message) {
        if (errorCount.incrementAndGet() <= 20) {
            errors.add(message);
        }
    }

    static String shorten(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    Map<URI, Double> turnsPerInstance() throws Exception {
        Map<URI, Double> turns = new java.util.HashMap<>();
        for (URI t : targets) {
            String scrape = http.send(management(HttpRequest.newBuilder(t.resolve("/prometheus"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            turns.put(t, scrape.lines().filter(l -> l.startsWith("advisor_turns_total{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum());
        }
        return turns;
    }

    void report(Duration took, Map<URI, Double> before, Map<URI, Double> after) {
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = took.toMillis() / 1000.0;
        System.out.printf("duration: %.1f s%n", seconds);
        System.out.printf("requests: %d (%.0f/s), answers acknowledged: %d, 409 conflicts in races: %d%n",
                requests.sum(), requests.sum() / seconds, acknowledgedAnswers.sum(), conflicts.sum());
        System.out.println("scenarios: " + new java.util.TreeMap<>(scenarios));
        System.out.println("statuses: " + new java.util.TreeMap<>(statuses));
        for (URI t : targets) {
            System.out.printf("turns counted by %s: %.0f%n", t, after.get(t) - before.get(t));
        }
        if (all.length > 0) {
            System.out.printf("latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", pct(all, 0.50), pct(all, 0.95), pct(all, 0.99),
                    all[all.length - 1] / 1e6);
        }
        System.out.println("errors: " + errorCount.get());
        errors.forEach(e -> System.out.println("  " + e));
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
