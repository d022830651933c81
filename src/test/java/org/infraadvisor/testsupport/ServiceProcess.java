package org.infraadvisor.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service as a separate JVM ({@code org.infraadvisor.Application} on the test classpath), so a test can kill it
 * the hard way and start it again on the same database.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final File log;

    private ServiceProcess(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service in {@code workDir} with the given system properties and waits until it answers.
     * Rules and conversations are read from the project, so a relative default (such as the H2 file under ./data) lands in workDir.
     */
    public static ServiceProcess start(File workDir, Map<String, String> properties) {
        int port = freePort();
        File project = new File("").getAbsoluteFile();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Dmicronaut.server.port=" + port,
                "-Dadvisor.rules.dir=" + new File(project, "rules"),
                "-Dadvisor.conversations.dir=" + new File(project, "conversations")));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("org.infraadvisor.Application");
        workDir.mkdirs();
        File log = new File(workDir, "service-" + port + ".log");
        try {
            Process process = new ProcessBuilder(command).directory(workDir).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            ServiceProcess service = new ServiceProcess(process, port, log);
            service.awaitReady(Duration.ofSeconds(180));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    public Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful close of the database. Returns the exit code. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private void awaitReady(Duration timeout) {
        Api api = api();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (api.get("/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // keep polling until the port opens
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not become healthy in " + timeout + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
