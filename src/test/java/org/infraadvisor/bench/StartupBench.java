package org.infraadvisor.bench;

import org.infraadvisor.testsupport.ServiceProcess;

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
 * With {@code --cds true} it also starts the service with an application class-data archive (one training start
 * with {@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}), alternating with the plain starts.
 * <p>
 * {@code --jar target/infra-advisor-0.1.0.jar --runs 5 --conversations 10000 --settle 5 [--cds true]
 * [--java-opts "..."] [--classpath CP] [--out FILE]}
 */
public final class StartupBench {

    /** One start: milliseconds to the first request, Micronaut's own figure, and memory. */
    public record Run(int run, long firstRequestMs, Long reportedMs, long idleRssKb, Long afterConversationsRssKb,
                      Long maxRssKb, long conversationsStored, double conversationSeconds) {

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", run);
            m.put("firstRequestMs", firstRequestMs);
            m.put("micronautReportedMs", reportedMs);
            m.put("idleRssKb", idleRssKb);
            m.put("afterConversationsRssKb", afterConversationsRssKb);
            m.put("maxRssKb", maxRssKb);
            m.put("conversationsStored", conversationsStored);
            m.put("conversationSeconds", conversationSeconds);
            return m;
        }
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
        boolean cds = Boolean.parseBoolean(a.get("cds", "false"));
        Map<String, List<Run>> variants = new LinkedHashMap<>();
        variants.put("java -jar" + (javaOpts.isBlank() ? "" : " " + javaOpts), new ArrayList<>());
        ServiceProcess.Launch cdsLaunch = null;
        if (cds) {
            cdsLaunch = trainCds(launch, work.resolve("cds"));
            variants.put("with an application class-data archive (-XX:SharedArchiveFile)", new ArrayList<>());
        }
        RuleGenerator.deleteTree(work.resolve("default"));
        // the variants alternate start by start, so that load from elsewhere falls on both alike
        for (int i = 1; i <= runCount; i++) {
            boolean last = i == runCount;
            variants.get(variants.keySet().iterator().next()).add(startOnce(launch, work.resolve("default"), i,
                    last ? a.getInt("conversations", 10_000) : 0, last ? Duration.ofSeconds(a.getInt("settle", 5)) : Duration.ZERO));
            if (cdsLaunch != null) {
                variants.get(List.copyOf(variants.keySet()).get(1)).add(startOnce(cdsLaunch, work.resolve("cds/runs"), i, 0, Duration.ZERO));
            }
        }
        System.out.println("before: " + before);
        System.out.println("after:  loadavg " + Machine.loadAverage());
        variants.forEach((name, runs) -> System.out.print(name + ":\n" + report(runs)));
        String out = a.get("out", "");
        if (!out.isBlank()) {
            Files.createDirectories(Path.of(out).toAbsolutePath().getParent());
            Files.writeString(Path.of(out), json(variants));
        }
    }

    static String json(Map<String, List<Run>> variants) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", Machine.describe());
        Map<String, Object> byVariant = new LinkedHashMap<>();
        variants.forEach((name, runs) -> byVariant.put(name, runs.stream().map(Run::asMap).toList()));
        doc.put("variants", byVariant);
        return BenchInputs.write(doc);
    }

    /** A training start that writes the archive when it stops; returns the launch that uses it. */
    static ServiceProcess.Launch trainCds(ServiceProcess.Launch launch, Path work) throws Exception {
        RuleGenerator.deleteTree(work);
        Path archive = work.toAbsolutePath().resolve("app.jsa");
        List<String> training = new ArrayList<>(launch.jvmOptions());
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        try (ServiceProcess service = ServiceProcess.start(new ServiceProcess.Launch(training, launch.target()), work.resolve("training"),
                BenchInputs.serviceProperties(), false)) {
            service.awaitFirstRequest(Duration.ofSeconds(120));
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no class-data archive at " + archive);
        }
        List<String> shared = new ArrayList<>(launch.jvmOptions());
        shared.add("-XX:SharedArchiveFile=" + archive);
        return new ServiceProcess.Launch(shared, launch.target());
    }

    /** {@code runCount} starts in one work folder (emptied first); the last one stores the conversations. */
    public static List<Run> measure(ServiceProcess.Launch launch, Path work, int runCount, int conversations, Duration settle)
            throws Exception {
        RuleGenerator.deleteTree(work);
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= runCount; i++) {
            boolean last = i == runCount;
            runs.add(startOnce(launch, work, i, last ? conversations : 0, last ? settle : Duration.ZERO));
        }
        return runs;
    }

    /** One start in {@code work}: time to the first request, memory, and optionally stored conversations. */
    static Run startOnce(ServiceProcess.Launch launch, Path work, int number, int conversations, Duration settle) throws Exception {
        ServiceProcess service = ServiceProcess.start(launch, work, BenchInputs.serviceProperties(), true);
        long firstRequestMs;
        long idleRss;
        Long afterRss = null;
        long stored = 0;
        double seconds = 0;
        try {
            firstRequestMs = service.awaitFirstRequest(Duration.ofSeconds(120));
            Thread.sleep(settle.toMillis()); // let start-up work (JIT, pools) settle before reading "idle"
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
        } finally {
            service.close();
        }
        System.out.printf(Locale.ROOT, "start %d (%s): first request after %d ms%n", number, work, firstRequestMs);
        return new Run(number, firstRequestMs, service.reportedStartupMs().orElse(null), idleRss, afterRss,
                service.maxResidentKb().orElse(null), stored, seconds);
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
