package org.infraadvisor.bench;

import org.infraadvisor.testsupport.ServiceProcess;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * HTTP load in one run against one service instance: {@code GET /api/flows} (baseline), {@code POST
 * /api/evaluate}, whole conversations. Starts the service from the jar (fresh database under
 * {@code target/bench/load}) unless {@code --url} points at one already running.
 * <p>
 * When wrk is installed ({@code apt-get install wrk}) the same instance is then driven by wrk for flows and
 * evaluate as a cross-check ({@code --wrk false} skips it).
 * <p>
 * {@code --jar target/infra-advisor-0.1.0.jar --connections 32 --warmup 10 --duration 30 --out FILE
 * [--url http://127.0.0.1:8080] [--java-opts "..."] [--phases flows,evaluate,conversation] [--wrk auto|false]}
 */
public final class LoadBench {

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        List<LoadDriver.Phase> phases = Arrays.stream(a.get("phases", "flows,evaluate,conversation").split(","))
                .map(p -> LoadDriver.Phase.valueOf(p.trim().toUpperCase())).toList();
        LoadDriver.Settings settings = new LoadDriver.Settings(null, a.getInt("connections", 32),
                Duration.ofSeconds(a.getInt("warmup", 10)), Duration.ofSeconds(a.getInt("duration", 30)), 0);
        String machineBefore = Machine.summary();
        List<LoadDriver.Result> results;
        List<WrkCrossCheck.WrkResult> wrk = List.of();
        boolean withWrk = !"false".equals(a.get("wrk", "auto")) && WrkCrossCheck.available();
        if (a.values().containsKey("url")) {
            URI base = URI.create(a.get("url", ""));
            results = run(settings.withBase(base), phases, () -> Double.NaN);
            if (withWrk) {
                wrk = WrkCrossCheck.run(base, settings.connections(), settings.warmup(), settings.duration());
            }
        } else {
            List<String> jvmOptions = a.get("java-opts", "").isBlank() ? List.of() : List.of(a.get("java-opts", "").trim().split("\\s+"));
            Path work = Path.of("target", "bench", "load");
            RuleGenerator.deleteTree(work);
            try (ServiceProcess service = ServiceProcess.start(
                    ServiceProcess.Launch.jar(Path.of(a.get("jar", "target/infra-advisor-0.1.0.jar")), jvmOptions), work, BenchInputs.serviceProperties(), false)) {
                long ms = service.awaitFirstRequest(Duration.ofSeconds(120));
                System.out.printf("service up after %d ms at %s%n", ms, service.baseUri());
                results = run(settings.withBase(service.baseUri()), phases, service::cpuSeconds);
                if (withWrk) {
                    System.out.println("wrk cross-check: flows, evaluate...");
                    wrk = WrkCrossCheck.run(service.baseUri(), settings.connections(), settings.warmup(), settings.duration());
                }
            }
        }
        String report = LoadDriver.report(results);
        System.out.println("before: " + machineBefore);
        System.out.println("after:  loadavg " + Machine.loadAverage());
        System.out.print(report);
        if (!wrk.isEmpty()) {
            System.out.print(WrkCrossCheck.report(wrk));
        }
        String out = a.get("out", "");
        if (!out.isBlank()) {
            Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
            Files.writeString(Path.of(out), LoadDriver.json(results, Map.of("machine", Machine.describe(),
                    "connections", settings.connections(), "warmupSeconds", settings.warmup().toSeconds(),
                    "durationSeconds", settings.duration().toSeconds(), "wrk", wrk.stream().map(w -> Map.of("name", w.name(),
                            "requestsPerSecond", w.requestsPerSecond(), "percentileMs", w.percentileMs())).toList())));
        }
    }

    static List<LoadDriver.Result> run(LoadDriver.Settings settings, List<LoadDriver.Phase> phases,
                                       java.util.function.DoubleSupplier serverCpu) throws InterruptedException {
        LoadDriver driver = new LoadDriver(settings, BenchInputs.answerSet(), serverCpu);
        List<LoadDriver.Result> results = new ArrayList<>();
        for (LoadDriver.Phase phase : phases) {
            System.out.printf("%s: %d connections, %ds warm-up, %ds measured...%n", phase, settings.connections(),
                    settings.warmup().toSeconds(), settings.duration().toSeconds());
            results.add(driver.run(phase));
        }
        return results;
    }
}
