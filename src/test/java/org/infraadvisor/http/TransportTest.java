package org.infraadvisor.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that would hold the server's resources are closed: idle ones, ones that trickle a request in, and a
 * request framed both by Content-Length and Transfer-Encoding (nothing after it on that connection is read).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportTest {

    EmbeddedServer server;

    @BeforeAll
    void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "micronaut.server.idle-timeout", "3s", "micronaut.server.read-idle-timeout", "3s",
                "advisor.server.request-deadline", "2s", "test.slow-answer", true), "test");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.getPort());
        socket.setSoTimeout(15_000);
        return socket;
    }

    /** Everything the server sends until it closes the connection; fails if it keeps it open past the socket timeout. */
    static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        try {
            in.transferTo(all);
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server kept the connection open; it sent: " + all.toString(StandardCharsets.UTF_8));
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDefaultsCloseIdleConnectionsWithinAMinute() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(), "test")) {
            NettyHttpServerConfiguration config = context.getBean(NettyHttpServerConfiguration.class);
            assertThat(config.getIdleTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(60)).isPositive();
            assertThat(config.getReadIdleTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(60)).isPositive();
            assertThat(context.getProperty("advisor.server.request-deadline", Duration.class)).hasValueSatisfying(d ->
                    assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(30)));
        }
    }

    @Test
    void aConnectionIsNotIdleWhileItsAnswerIsWorkedOn() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /test/slow-answer HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readUntilClosed(socket)).as("an answer that takes %d ms with idle timeouts of 3 s", SlowAnswerController.MILLIS)
                    .startsWith("HTTP/1.1 200").endsWith("done");
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        try (Socket socket = connect()) {
            long start = System.nanoTime();
            assertThat(readUntilClosed(socket)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aRequestTrickledInIsCutOffAtTheDeadline() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/flows HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean cut = false;
            // one header byte a second: never idle for the read-idle timeout, but never done either
            for (int i = 0; i < 12 && !cut; i++) {
                Thread.sleep(1000);
                try {
                    out.write('X');
                    out.flush();
                } catch (IOException closed) {
                    cut = true;
                }
                if (!cut) {
                    socket.setSoTimeout(1);
                    try {
                        cut = socket.getInputStream().read() == -1;
                    } catch (SocketTimeoutException stillOpen) {
                        // go on trickling
                    } catch (IOException reset) {
                        cut = true;
                    }
                }
            }
            assertThat(cut).as("the connection was closed while the request trickled in").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void contentLengthAndTransferEncodingTogetherCloseTheConnection() throws IOException {
        String body = "{\"flow\":\"infra-strategy\",\"answers\":{}}";
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        String smuggled = "GET /api/flows HTTP/1.1\r\nHost: x\r\n\r\n";
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /api/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked + smuggled).getBytes(StandardCharsets.US_ASCII));
            String responses = readUntilClosed(socket);
            assertThat(responses.split("HTTP/1\\.1 ", -1)).as(responses).hasSize(2);
            assertThat(responses).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
        }
    }

    @Test
    void aTransferEncodingOtherThanChunkedGets400AndTheConnectionClosed() throws IOException {
        String body = "{\"flow\":\"infra-strategy\",\"answers\":{}}";
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /api/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nTransfer-Encoding: gzip\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            String response = readUntilClosed(socket);
            assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json", "Transfer-Encoding 'gzip' is not supported");
        }
    }

    @Test
    void ordinaryRequestsKeepTheirConnection() throws IOException {
        try (Socket socket = connect()) {
            String two = "GET /api/flows HTTP/1.1\r\nHost: x\r\n\r\nGET /api/flows HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(two.getBytes(StandardCharsets.US_ASCII));
            String responses = readUntilClosed(socket);
            assertThat(responses.split("HTTP/1\\.1 200", -1)).as(responses).hasSize(3);
        }
    }
}
