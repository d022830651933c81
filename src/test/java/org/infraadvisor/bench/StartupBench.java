package org.infraadvisor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up and footprint. Starts the service {@code --runs} times in the same work folder (so the first run is a
 * first start on an empty database and the later ones are restarts), each under {@code /usr/bin/time -v}, and
 * takes the time from process start to the first answered {@code GET /api/flows}. After the last start it
 * reads the idle resident memory, stores {@code --conversations} complete conversations over HTTP, and reads it
 * again; the peak comes from /usr/bin/time.
 * <p>
 * With {@code --cds true} it then does the same (without the conversations) with an application class-data
 * archive: one training start with {@code -XX:ArchiveClassesAtExit}, then starts with {@code -XX:SharedArchiveFile}.
 * <p>
 * {@code --jar target/infra-advisor-0.1.0.jar --runs 5 --conversations 10000 --settle 5 [--cds true]
 * [--java-opts "..."] [--classpath CP] [--out FILE]}
 */
public final class StartupBench {

    /** One start: milliseconds to the first request, Micronaut's own figure, and memory. */
    public record Run(int run, long firstRequestMs, Long reportedMs, long idleRssKb, Long afterConversationsRssKb,
                      Long maxRssKb, long conversationsStored, double conversationSeconds) {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        String javaOpts = a.get("java-opts", "").trim();
        List<String> jvmOptions = javaOpts.isBlank() ? List.of() : List.of(javaOpts.split("\\s+"));
        ServiceProcess.Launch launch = a.values().containsKey("classpath")
                ? ServiceProcess.Launch.classPath(a.get("classpath", ""), jvmOptions)
                : ServiceProcess.Launch.jar(Path.of(a.get("jar", "target/infra-advisor-0.1.0.jar")), jvmOptions);
        Path work = Path.of(a.get("work", "target/bench/startup"));
        String before = Machine.summary();
        int runCount = a.getInt("runs", 5);
        List<Run> runs = measure(launch, work.resolve("default"), runCount, a.getInt("conversations", 10_000),
                Duration.ofSeconds(a.getInt("settle", 5)));
        List<Run> cdsRuns = List.of();
        if (Boolean.parseBoolean(a.get("cds", "false"))) {
            cdsRuns = measureWithCds(launch, work.resolve("cds"), runCount);
        }
        System.out.println("before: " + before);
        System.out.println("after:  loadavg " + Machine.loadAverage());
        System.out.println("java -jar" + (javaOpts.isBlank() ? "" : " " + javaOpts) + ":");
        System.out.print(report(runs));
        if (!cdsRuns.isEmpty()) {
            System.out.println("with an application class-data archive (-XX:SharedArchiveFile):");
            System.out.print(report(cdsRuns));
        }
        String out = a.get("out", "");
        if (!out.isBlank()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("machine", Machine.describe());
            doc.put("javaOpts", javaOpts);
            doc.put("runs", runs);
            doc.put("cdsRuns", cdsRuns);
            Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
            Files.writeString(Path.of(out), BenchInputs.write(doc));
        }
    }

    /** A training start that writes the archive when it stops, then {@code runs} starts that use it. */
    static List<Run> measureWithCds(ServiceProcess.Launch launch, Path work, int runs) throws Exception {
        RuleGenerator.deleteTree(work);
        Path archive = work.toAbsolutePath().resolve("app.jsa");
        List<String> training = new ArrayList<>(launch.jvmOptions());
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        try (ServiceProcess service = ServiceProcess.start(new ServiceProcess.Launch(training, launch.target()), work.resolve("training"), false)) {
            service.awaitFirstRequest(Duration.ofSeconds(120));
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no class-data archive at " + archive);
        }
        List<String> shared = new ArrayList<>(launch.jvmOptions());
        shared.add("-XX:SharedArchiveFile=" + archive);
        return measure(new ServiceProcess.Launch(shared, launch.target()), work.resolve("runs"), runs, 0, Duration.ZERO);
    }

    public static List<Run> measure(ServiceProcess.Launch launch, Path work, int runCount, int conversations, Duration settle)
            throws Exception {
        RuleGenerator.deleteTree(work);
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= runCount; i++) {
            boolean last = i == runCount;
            ServiceProcess service = ServiceProcess.start(launch, work, true);
            long firstRequestMs;
            long idleRss;
            Long afterRss = null;
            long stored = 0;
            double seconds = 0;
            try {
                firstRequestMs = service.awaitFirstRequest(Duration.ofSeconds(120));
                if (!last) {
                    idleRss = service.residentKb();
                } else {
                    Thread.sleep(settle.toMillis()); // let start-up work (JIT, background compiles) finish before reading "idle"
                    idleRss = service.residentKb();
                    if (conversations > 0) {
                        LoadDriver driver = new LoadDriver(new LoadDriver.Settings(service.baseUri(), 32, Duration.ZERO,
                                Duration.ofMinutes(30), conversations), BenchInputs.answerSet(), service::cpuSeconds);
                        LoadDriver.Result result = driver.run(LoadDriver.Phase.CONVERSATION);
                        if (result.errors() > 0) {
                            throw new IllegalStateException("storing conversations failed: " + result.firstError());
                        }
                        stored = result.conversations();
                        seconds = result.seconds();
                        afterRss = service.residentKb();
                    }
                }
            } finally {
                service.close();
            }
            runs.add(new Run(i, firstRequestMs, service.reportedStartupMs().orElse(null), idleRss, afterRss,
                    service.maxResidentKb().orElse(null), stored, seconds));
            System.out.printf(Locale.ROOT, "run %d: first request after %d ms%n", i, firstRequestMs);
        }
        return runs;
    }

    static String report(List<Run> runs) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-4s %14s %12s %10s %16s %10s%n",
                "run", "firstReq ms", "Micronaut ms", "idle MiB", "after conv MiB", "peak MiB"));
        for (Run r : runs) {
            s.append(String.format(Locale.ROOT, "%-4d %14d %12s %10.0f %16s %10s%n", r.run(), r.firstRequestMs(),
                    r.reportedMs() == null ? "-" : r.reportedMs().toString(), r.idleRssKb() / 1024.0,
                    r.afterConversationsRssKb() == null ? "-" : "%.0f".formatted(r.afterConversationsRssKb() / 1024.0),
                    r.maxRssKb() == null ? "-" : "%.0f".formatted(r.maxRssKb() / 1024.0)));
        }
        List<Long> restarts = runs.stream().skip(1).map(Run::firstRequestMs).sorted().toList();
        s.append(String.format(Locale.ROOT, "first start: %d ms; restarts: median %s ms of %d%n", runs.get(0).firstRequestMs(),
                restarts.isEmpty() ? "-" : String.valueOf(restarts.get(restarts.size() / 2)), restarts.size()));
        Run last = runs.get(runs.size() - 1);
        if (last.conversationsStored() > 0) {
            s.append(String.format(Locale.ROOT, "stored %d complete conversations in %.1f s%n", last.conversationsStored(),
                    last.conversationSeconds()));
        }
        return s.toString();
    }
}
