package org.infraadvisor.conversation;

import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.Answering;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients answer in parallel while the service process is killed with SIGKILL; after a restart on the same database
 * every answer that was acknowledged (HTTP 200) is there. An answer is acknowledged only after its commit.
 */
abstract class CrashDurabilityTest {

    static final int CLIENTS = 6;
    static final int ACKS_BEFORE_KILL = 80;

    /** System properties that select the database; empty for the default H2 file under the working directory. */
    abstract Map<String, String> database();

    @Test
    void everyAcknowledgedAnswerSurvivesAKill() throws Exception {
        File workDir = new File("target/crash/" + UUID.randomUUID()).getAbsoluteFile();
        Map<String, String> database = database();
        Map<String, Map<String, Object>> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);

        ServiceProcess service = ServiceProcess.start(workDir, database);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> answerUntilTheServiceDies(service.api(), acknowledged, acks, enough), "client-" + i);
            client.start();
            clients.add(client);
        }
        assertThat(enough.await(300, TimeUnit.SECONDS)).as("clients got %d answers acknowledged", acks.get()).isTrue();
        int exit = service.kill();
        assertThat(exit).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        for (Thread client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(client.isAlive()).isFalse();
        }
        int acknowledgedAnswers = acknowledged.values().stream().mapToInt(Map::size).sum();
        assertThat(acknowledgedAnswers).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (ServiceProcess restarted = ServiceProcess.start(workDir, database)) {
            Api api = restarted.api();
            acknowledged.forEach((id, answers) -> {
                Map<String, Object> stored = Answering.numbersAsDoubles(Api.answers(api.conversation(id)));
                assertThat(stored).as("conversation %s after the crash", id).containsAllEntriesOf(Answering.numbersAsDoubles(answers));
            });
        }
    }

    /** One client: conversation after conversation, answer after answer, recording each 200 until the service is gone. */
    private static void answerUntilTheServiceDies(Api api, Map<String, Map<String, Object>> acknowledged, AtomicInteger acks,
                                                  CountDownLatch enough) {
        try {
            while (true) {
                ConversationView conversation = api.start();
                Map<String, Object> mine = new ConcurrentHashMap<>();
                acknowledged.put(conversation.id(), mine);
                Answering.answerAll(conversation, ConcurrentAnswersTest.FIRST, Answering::unknown, (id, q, value) -> {
                    ConversationView next = api.answerOk(id, q, value); // a refusal before the crash is an AssertionError
                    mine.put(q, value);
                    if (acks.incrementAndGet() >= ACKS_BEFORE_KILL) {
                        enough.countDown();
                    }
                    return next;
                });
            }
        } catch (UncheckedIOException | AssertionError serviceGone) {
            // The kill ends every client: a refused connection, a reset, or a start that got no 201.
        }
    }
}
