package org.infraadvisor.bench;

import io.micronaut.json.tree.JsonNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * Closed-loop HTTP load on one running service: {@code connections} workers, each sending its next request as
 * soon as the last one is answered (JDK HttpClient, HTTP/1.1 keep-alive), for a warm-up and then a measured
 * period. Latencies are recorded in microseconds in HdrHistograms; a request counts when it started inside the
 * measured period.
 * <ul>
 *   <li>{@link Phase#FLOWS}: {@code GET /api/flows}, a small answer from memory — the cost of the HTTP stack;</li>
 *   <li>{@link Phase#EVALUATE}: {@code POST /api/evaluate} with {@code bench/answers.json};</li>
 *   <li>{@link Phase#CONVERSATION}: whole conversations — start, then answer every question asked until the
 *       recommendation — many in parallel. Each request is a turn.</li>
 *   <li>{@link Phase#VARIED}: the same, but every conversation multiplies the numbers of the answer set by its own
 *       random factor between ½ and 2, so conversations share no state after their first number: what caches
 *       keyed by answers cannot help with.</li>
 * </ul>
 */
public final class LoadDriver {

    public enum Phase {
        FLOWS, EVALUATE, CONVERSATION,
        /** Conversations as in CONVERSATION, but each with its own numbers, so no two go through the same states. */
        VARIED;

        boolean conversations() {
            return this == CONVERSATION || this == VARIED;
        }
    }

    /** @param maxConversations stop starting conversations after this many (0 = no limit) */
    public record Settings(URI base, int connections, Duration warmup, Duration duration, long maxConversations) {

        public Settings withBase(URI newBase) {
            return new Settings(newBase, connections, warmup, duration, maxConversations);
        }
    }

    /**
     * @param latencyUs   every request of the phase
     * @param answerUs    conversation phase only: the answer turns (without the start requests)
     * @param finalUs     conversation phase only: the answer turns that completed a conversation (evaluate, store the
     *                    advice, reply with the recommendation)
     * @param conversations conversations whose last turn was answered while measured
     * @param serverCpu   CPU cores the service used on average while measured (NaN when unknown)
     * @param driverCpu   CPU cores this driver used on average while measured
     */
    public record Result(Phase phase, long requests, long errors, double seconds, Histogram latencyUs, Histogram answerUs,
                         Histogram finalUs, long conversations, double serverCpu, double driverCpu, String firstError) {

        public double throughput() {
            return requests / seconds;
        }

        /** The answer turns that did not complete a conversation. */
        public Histogram otherAnswers() {
            Histogram other = answerUs.copy();
            other.subtract(finalUs);
            return other;
        }

        public double percentileMs(Histogram h, double p) {
            return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1000.0;
        }
    }

    private static final long MAX_LATENCY_US = 60_000_000L;

    private final Settings settings;
    private final BenchInputs.AnswerSet answerSet;
    private final DoubleSupplier serverCpuSeconds;
    private final HttpClient client;

    public LoadDriver(Settings settings, BenchInputs.AnswerSet answerSet, DoubleSupplier serverCpuSeconds) {
        this.settings = settings;
        this.answerSet = answerSet;
        this.serverCpuSeconds = serverCpuSeconds;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Runs one phase to its end and returns what was measured. */
    public Result run(Phase phase) throws InterruptedException {
        long warmupEnd = System.nanoTime() + settings.warmup().toNanos();
        long end = warmupEnd + settings.duration().toNanos();
        AtomicLong conversationsStarted = new AtomicLong();
        AtomicLong conversationsDone = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            workers.add(new Worker(phase, warmupEnd, end, conversationsStarted, conversationsDone, firstError));
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.connections());
        try {
            List<Future<?>> running = new ArrayList<>();
            workers.forEach(w -> running.add(pool.submit(w::loop)));
            Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
            double serverCpuAtStart = serverCpuSeconds.getAsDouble();
            double driverCpuAtStart = driverCpuSeconds();
            long measureStart = System.nanoTime();
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a load worker failed", e.getCause());
                }
            }
            long measureEnd = Math.min(System.nanoTime(), end);
            double seconds = Math.max(1e-3, (measureEnd - measureStart) / 1e9);
            double serverCpu = (serverCpuSeconds.getAsDouble() - serverCpuAtStart) / seconds;
            double driverCpu = (driverCpuSeconds() - driverCpuAtStart) / seconds;
            Histogram all = new Histogram(MAX_LATENCY_US, 3);
            Histogram answers = new Histogram(MAX_LATENCY_US, 3);
            Histogram finals = new Histogram(MAX_LATENCY_US, 3);
            long requests = 0;
            long errors = 0;
            for (Worker w : workers) {
                all.add(w.latency);
                answers.add(w.answerLatency);
                finals.add(w.finalLatency);
                requests += w.requests;
                errors += w.errors;
            }
            return new Result(phase, requests, errors, seconds, all, answers, finals, conversationsDone.get(), serverCpu, driverCpu, firstError.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double driverCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** One connection's closed loop. */
    private final class Worker {
        final Phase phase;
        final long measureFrom;
        final long end;
        final AtomicLong conversationsStarted;
        final AtomicLong conversationsDone;
        final AtomicReference<String> firstError;
        final Histogram latency = new Histogram(MAX_LATENCY_US, 3);
        final Histogram answerLatency = new Histogram(MAX_LATENCY_US, 3);
        final Histogram finalLatency = new Histogram(MAX_LATENCY_US, 3);
        long lastUs = -1; // the latency of the last request sent, -1 when it fell outside the measured window
        final java.util.Random random = new java.util.Random();
        long requests;
        long errors;

        Worker(Phase phase, long measureFrom, long end, AtomicLong conversationsStarted, AtomicLong conversationsDone,
               AtomicReference<String> firstError) {
            this.phase = phase;
            this.measureFrom = measureFrom;
            this.end = end;
            this.conversationsStarted = conversationsStarted;
            this.conversationsDone = conversationsDone;
            this.firstError = firstError;
        }

        void loop() {
            HttpRequest flows = HttpRequest.newBuilder(settings.base().resolve("/api/flows")).GET().build();
            HttpRequest evaluate = post("/api/evaluate", answerSet.evaluateBody());
            while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                switch (phase) {
                    case FLOWS -> send(flows, false);
                    case EVALUATE -> send(evaluate, false);
                    case CONVERSATION, VARIED -> {
                        long max = settings.maxConversations();
                        if (max > 0 && conversationsStarted.incrementAndGet() > max) {
                            return;
                        }
                        conversation();
                    }
                }
            }
        }

        /**
         * Start, then answer what is asked until the recommendation arrives; false if any turn failed. Counts the
         * conversation as completed, and its last turn as a completing one, when that turn was sent while measured.
         */
        boolean conversation() {
            JsonNode view = send(post("/api/conversations", "{\"flow\":\"" + answerSet.flow() + "\"}"), false);
            if (view == null) {
                return false;
            }
            String id = view.get("id").getStringValue();
            double scale = phase == Phase.VARIED ? Math.pow(4, random.nextDouble() - 0.5) : 1; // 0.5x to 2x
            for (int turn = 0; turn < 200; turn++) {
                JsonNode question = view.get("question");
                if (question == null || question.isNull()) {
                    boolean completed = view.get("recommendation") != null && !view.get("recommendation").isNull();
                    if (completed && turn > 0 && lastUs >= 0) {
                        conversationsDone.incrementAndGet();
                        finalLatency.recordValue(lastUs);
                    }
                    return completed;
                }
                String qid = question.get("id").getStringValue();
                String body = "{\"question\":\"" + qid + "\",\"value\":" + valueFor(qid, question, scale) + "}";
                view = send(post("/api/conversations/" + id + "/answers", body), true);
                if (view == null) {
                    return false;
                }
            }
            throw new IllegalStateException("a conversation did not end after 200 turns");
        }

        /** The value from the answer set (numbers times {@code scale}, within the question's limits), else a plausible one. */
        String valueFor(String qid, JsonNode question, double scale) {
            String known = answerSet.valueJson(qid);
            if (known != null && scale != 1 && "number".equals(question.get("type").getStringValue())) {
                double scaled = Math.round(Double.parseDouble(known) * scale * 1000) / 1000.0;
                JsonNode min = question.get("min");
                JsonNode max = question.get("max");
                scaled = Math.max(min == null || min.isNull() ? scaled : min.getNumberValue().doubleValue(), scaled);
                scaled = Math.min(max == null || max.isNull() ? scaled : max.getNumberValue().doubleValue(), scaled);
                return BenchInputs.write(scaled);
            }
            if (known != null) {
                return known;
            }
            String type = question.get("type").getStringValue();
            JsonNode options = question.get("options");
            String first = options != null && options.size() > 0 ? BenchInputs.write(options.get(0).get("value")) : "\"unknown\"";
            return switch (type) {
                case "number" -> {
                    JsonNode min = question.get("min");
                    yield min == null || min.isNull() ? "1" : BenchInputs.write(min);
                }
                case "multi" -> "[" + first + "]";
                case "boolean" -> "true";
                case "text" -> "\"benchmark\"";
                default -> first;
            };
        }

        HttpRequest post(String path, String json) {
            return HttpRequest.newBuilder(settings.base().resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        }

        /** Sends and records; parses the body only when the caller needs it (conversations). */
        JsonNode send(HttpRequest request, boolean answerTurn) {
            long start = System.nanoTime();
            boolean ok;
            byte[] body = null;
            String error = null;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                ok = response.statusCode() / 100 == 2;
                body = response.body();
                if (!ok) {
                    error = request.method() + " " + request.uri().getPath() + " -> " + response.statusCode() + " "
                            + new String(body, java.nio.charset.StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                ok = false;
                error = request.method() + " " + request.uri().getPath() + " -> " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            long elapsedUs = (System.nanoTime() - start) / 1000;
            lastUs = -1;
            if (start >= measureFrom && start < end) {
                lastUs = Math.min(elapsedUs, MAX_LATENCY_US);
                requests++;
                latency.recordValue(Math.min(elapsedUs, MAX_LATENCY_US));
                if (answerTurn) {
                    answerLatency.recordValue(Math.min(elapsedUs, MAX_LATENCY_US));
                }
                if (!ok) {
                    errors++;
                }
            }
            if (!ok) {
                firstError.compareAndSet(null, error.length() > 300 ? error.substring(0, 300) : error);
                return null;
            }
            return phase.conversations() ? BenchInputs.parse(body) : null;
        }
    }

    /** One line per phase, with the ratios of throughput to the first phase (the baseline). */
    public static String report(List<Result> results) {
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%-13s %9s %8s %7s %9s %9s %9s %9s %7s %7s %7s%n", "phase", "requests", "errors", "req/s", "p50 ms",
                "p99 ms", "p99.9 ms", "max ms", "ratio", "srvCPU", "drvCPU"));
        double baseline = results.isEmpty() ? Double.NaN : results.get(0).throughput();
        for (Result r : results) {
            out.append(String.format(java.util.Locale.ROOT, "%-13s %9d %8d %7.0f %9.2f %9.2f %9.2f %9.2f %7.2f %7.2f %7.2f%n",
                    r.phase().name().toLowerCase(), r.requests(), r.errors(), r.throughput(),
                    r.percentileMs(r.latencyUs(), 50), r.percentileMs(r.latencyUs(), 99), r.percentileMs(r.latencyUs(), 99.9),
                    r.latencyUs().getTotalCount() == 0 ? Double.NaN : r.latencyUs().getMaxValue() / 1000.0,
                    r.throughput() / baseline, r.serverCpu(), r.driverCpu()));
            if (r.phase().conversations()) {
                Histogram a = r.answerUs();
                out.append(String.format(java.util.Locale.ROOT,
                        "  answer turns: %d (%.0f/s), p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms; conversations completed: %d (%.0f/s)%n",
                        a.getTotalCount(), a.getTotalCount() / r.seconds(), r.percentileMs(a, 50), r.percentileMs(a, 99),
                        r.percentileMs(a, 99.9), r.conversations(), r.conversations() / r.seconds()));
                Histogram f = r.finalUs();
                out.append(String.format(java.util.Locale.ROOT,
                        "  completing turns: %d, p50 %.2f ms, p99 %.2f ms; the other answer turns: p50 %.2f ms, p99 %.2f ms%n",
                        f.getTotalCount(), r.percentileMs(f, 50), r.percentileMs(f, 99),
                        r.percentileMs(r.otherAnswers(), 50), r.percentileMs(r.otherAnswers(), 99)));
            }
            if (r.firstError() != null) {
                out.append("  first error: ").append(r.firstError()).append('\n');
            }
        }
        return out.toString();
    }

    /** The results as JSON, for bench/results. */
    public static String json(List<Result> results, Map<String, Object> context) {
        List<Map<String, Object>> phases = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("phase", r.phase().name().toLowerCase());
            m.put("requests", r.requests());
            m.put("errors", r.errors());
            m.put("seconds", r.seconds());
            m.put("throughput", r.throughput());
            m.put("ratioToBaseline", r.throughput() / results.get(0).throughput());
            m.put("p50ms", r.percentileMs(r.latencyUs(), 50));
            m.put("p99ms", r.percentileMs(r.latencyUs(), 99));
            m.put("p999ms", r.percentileMs(r.latencyUs(), 99.9));
            m.put("maxMs", r.latencyUs().getMaxValue() / 1000.0);
            if (r.phase().conversations()) {
                m.put("answerTurns", r.answerUs().getTotalCount());
                m.put("answerTurnsPerSecond", r.answerUs().getTotalCount() / r.seconds());
                m.put("answerP50ms", r.percentileMs(r.answerUs(), 50));
                m.put("answerP99ms", r.percentileMs(r.answerUs(), 99));
                m.put("answerP999ms", r.percentileMs(r.answerUs(), 99.9));
                m.put("completingTurns", r.finalUs().getTotalCount());
                m.put("completingP50ms", r.percentileMs(r.finalUs(), 50));
                m.put("completingP99ms", r.percentileMs(r.finalUs(), 99));
                m.put("conversationsCompleted", r.conversations());
            }
            m.put("serverCpuCores", r.serverCpu());
            m.put("driverCpuCores", r.driverCpu());
            m.put("firstError", r.firstError());
            phases.add(m);
        }
        Map<String, Object> doc = new java.util.LinkedHashMap<>(context);
        doc.put("phases", phases);
        return BenchInputs.write(doc);
    }
}
