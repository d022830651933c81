package org.infraadvisor.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same two stateless requests driven by wrk (a C load generator far lighter than the JDK HttpClient), when it
 * is installed: tells how much the Java driver's own CPU use depresses the baseline on a 2-core machine.
 */
final class WrkCrossCheck {

    private static final Path WRK = Path.of("/usr/bin/wrk");
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

    record WrkResult(String name, double requestsPerSecond, Map<String, Double> percentileMs, String raw) {
    }

    private WrkCrossCheck() {
    }

    static boolean available() {
        return Files.isExecutable(WRK);
    }

    static List<WrkResult> run(URI base, int connections, Duration warmup, Duration duration) throws IOException, InterruptedException {
        List<WrkResult> results = new ArrayList<>();
        for (String[] target : List.of(new String[]{"flows", "/api/flows", null},
                new String[]{"evaluate", "/api/evaluate", "bench/wrk-evaluate.lua"})) {
            wrk(base.resolve(target[1]), target[2], connections, warmup); // warm-up, discarded
            String out = wrk(base.resolve(target[1]), target[2], connections, duration);
            Matcher rps = RPS.matcher(out);
            Map<String, Double> percentiles = new LinkedHashMap<>();
            Matcher p = PERCENTILE.matcher(out);
            while (p.find()) {
                double value = Double.parseDouble(p.group(2));
                percentiles.put("p" + p.group(1), switch (p.group(3)) {
                    case "us" -> value / 1000;
                    case "s" -> value * 1000;
                    default -> value;
                });
            }
            results.add(new WrkResult(target[0], rps.find() ? Double.parseDouble(rps.group(1)) : Double.NaN, percentiles, out));
        }
        return results;
    }

    private static String wrk(URI url, String script, int connections, Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(WRK.toString(), "-t2", "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script));
        }
        command.add(url.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("wrk failed: " + out);
        }
        return out;
    }

    static String report(List<WrkResult> results) {
        StringBuilder s = new StringBuilder("cross-check with wrk (-t2 -c32):\n");
        double baseline = results.get(0).requestsPerSecond();
        for (WrkResult r : results) {
            s.append(String.format(java.util.Locale.ROOT, "  %-9s %8.0f req/s  p50 %s ms  p99 %s ms  ratio %.2f%n", r.name(),
                    r.requestsPerSecond(), Optional.ofNullable(r.percentileMs().get("p50")).map(String::valueOf).orElse("?"),
                    Optional.ofNullable(r.percentileMs().get("p99")).map(String::valueOf).orElse("?"), r.requestsPerSecond() / baseline));
        }
        return s.toString();
    }
}
