package org.infraadvisor.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The service as a separate JVM on a free loopback port, optionally under {@code /usr/bin/time -v} (for its
 * peak resident memory), with its own H2 database under a work folder unless the properties name another. Started
 * from the fat jar (benchmarks) or from the test class path, so that a test can kill it the hard way and start it
 * again on the same database.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern STARTUP_COMPLETED = Pattern.compile("Startup completed in (\\d+)ms");

    private final Process process;
    private final boolean underTime;
    private final long startedNanos;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, boolean underTime, long startedNanos, int port, Path log) {
        this.process = process;
        this.underTime = underTime;
        this.startedNanos = startedNanos;
        this.port = port;
        this.log = log;
    }

    /** How to launch the JVM: {@code -jar <jar>} or {@code -cp <classpath> <main class>}. */
    public record Launch(List<String> jvmOptions, List<String> target) {

        public static Launch jar(Path jar, List<String> jvmOptions) {
            return new Launch(jvmOptions, List.of("-jar", jar.toAbsolutePath().toString()));
        }

        public static Launch classPath(String classPath, List<String> jvmOptions) {
            return new Launch(jvmOptions, List.of("-cp", classPath, "org.infraadvisor.Application"));
        }

        /** The classes under test, in a small JVM that starts fast. */
        public static Launch testClassPath() {
            return classPath(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        }
    }

    /**
     * Starts the service from the test class path in {@code workDir} with the given system properties and waits until
     * it is healthy.
     */
    public static ServiceProcess start(File workDir, Map<String, String> properties) {
        ServiceProcess service = start(Launch.testClassPath(), workDir.toPath(), properties, false);
        try {
            service.await("/health", Duration.ofSeconds(180));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IllegalStateException e) {
            service.process.destroyForcibly();
            throw e;
        }
        return service;
    }

    /**
     * Starts the JVM and returns at once. It reads the shipped rules and conversations and keeps its H2 database under
     * {@code workDir}; {@code properties} (system properties) may say otherwise.
     */
    public static ServiceProcess start(Launch launch, Path workDir, Map<String, String> properties, boolean underTime) {
        try {
            Files.createDirectories(workDir);
            int port = freePort();
            List<String> command = new ArrayList<>();
            boolean timed = underTime && Files.isExecutable(Path.of("/usr/bin/time"));
            if (timed) {
                command.addAll(List.of("/usr/bin/time", "-v"));
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(launch.jvmOptions());
            command.add("-Dmicronaut.server.port=" + port);
            command.add("-Dmicronaut.server.host=127.0.0.1");
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("advisor.rules.dir", Path.of("rules").toAbsolutePath().toString());
            settings.put("advisor.conversations.dir", Path.of("conversations").toAbsolutePath().toString());
            settings.put("datasources.default.url", "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("db/advisor"));
            settings.putAll(properties);
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(launch.target());
            Path log = workDir.resolve("service-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            long started = System.nanoTime();
            return new ServiceProcess(builder.start(), timed, started, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Api api() {
        return new Api(baseUri());
    }

    /** Polls {@code GET /api/flows} until it answers 200; returns the milliseconds since the process was started. */
    public long awaitFirstRequest(Duration timeout) throws InterruptedException {
        return await("/api/flows", timeout);
    }

    /** Polls {@code GET path} until it answers 200; returns the milliseconds since the process was started. */
    public long await(String path, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(path)).timeout(Duration.ofSeconds(10)).build();
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1_000_000;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // connection reset while starting
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the service did not answer within " + timeout + "; see " + log);
    }

    /** The JVM's process: the child of /usr/bin/time when timed. */
    public ProcessHandle jvm() {
        if (!underTime) {
            return process.toHandle();
        }
        return process.toHandle().children().findFirst().orElseThrow(() -> new IllegalStateException("no JVM under /usr/bin/time"));
    }

    /** Current resident memory of the JVM in KiB (VmRSS), from /proc. */
    public long residentKb() {
        return procStatus(jvm().pid(), "VmRSS");
    }

    /** CPU seconds (user + system) the JVM has used so far, from /proc/PID/stat; NaN where there is no /proc. */
    public double cpuSeconds() {
        return cpuSeconds(jvm().pid());
    }

    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long procStatus(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Micronaut's own "Startup completed in N ms", when logged. */
    public Optional<Long> reportedStartupMs() {
        return find(STARTUP_COMPLETED).map(Long::parseLong);
    }

    /** Peak resident memory in KiB reported by /usr/bin/time -v; only after {@link #close()}. */
    public Optional<Long> maxResidentKb() {
        return find(MAX_RSS).map(Long::parseLong);
    }

    private Optional<String> find(Pattern pattern) {
        try {
            Matcher m = pattern.matcher(Files.readString(log));
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            return Optional.ofNullable(last);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful close of the database. Returns the exit code. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** Stops the JVM with SIGTERM (a normal shutdown) and waits for it and for /usr/bin/time. */
    @Override
    public void close() throws InterruptedException {
        ProcessHandle jvm = process.isAlive() ? jvm() : process.toHandle();
        jvm.destroy();
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) { // a JVM writing a class-data archive takes a while
            jvm.destroyForcibly();
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
