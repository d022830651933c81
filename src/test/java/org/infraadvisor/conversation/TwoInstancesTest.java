package org.infraadvisor.conversation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one PostgreSQL database, as behind a load balancer: any instance serves any
 * turn, and what one acknowledged the other shows at once, because no conversation state lives in memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    EmbeddedServer a;
    EmbeddedServer b;
    Api apiA;
    Api apiB;

    @BeforeAll
    void start() {
        Map<String, Object> config = new HashMap<>(TestDatabases.postgres());
        config.put("micronaut.server.port", -1);
        a = ApplicationContext.run(EmbeddedServer.class, config, "test");
        b = ApplicationContext.run(EmbeddedServer.class, config, "test");
        apiA = new Api(a.getURI());
        apiB = new Api(b.getURI());
    }

    @AfterAll
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void turnsOfSeveralConversationsAlternateBetweenInstances() {
        Map<String, Object> preferred = new HashMap<>(ConcurrentAnswersTest.FIRST);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add((i % 2 == 0 ? apiA : apiB).start().id());
        }
        Map<String, ConversationView> last = new HashMap<>();
        ids.forEach(id -> last.put(id, apiA.conversation(id)));
        int turn = 0;
        boolean open = true;
        while (open) {
            open = false;
            // One turn of every conversation per pass, so their turns interleave, each on the other instance than before.
            for (String id : ids) {
                if (last.get(id).question() == null) {
                    continue;
                }
                String question = last.get(id).question().id();
                open = true;
                Api serving = turn++ % 2 == 0 ? apiA : apiB;
                Api other = serving == apiA ? apiB : apiA;
                ConversationView answered = serving.answerOk(id, question, preferred.getOrDefault(question, "unknown"));
                assertThat(other.conversation(id)).as("the other instance shows the turn at once").isEqualTo(answered);
                last.put(id, answered);
            }
            assertThat(turn).as("the flow ends").isLessThan(200);
        }
        for (String id : ids) {
            ConversationView fromA = apiA.conversation(id);
            assertThat(fromA.status()).isEqualTo("completed");
            assertThat(fromA.recommendation()).isNotNull();
            assertThat(apiB.conversation(id)).isEqualTo(fromA);
        }
    }

    @Test
    void racingTurnsOnTwoInstancesAreSerialised() throws Exception {
        String id = apiA.start().id();
        apiB.complete(id, ConcurrentAnswersTest.FIRST);
        for (int round = 0; round < 5; round++) {
            String value = round % 2 == 0 ? "batch" : "interactive";
            String other = round % 2 == 0 ? "bursty" : "steady";
            CyclicBarrier barrier = new CyclicBarrier(2);
            CompletableFuture<Api.Response> onA = CompletableFuture.supplyAsync(() -> {
                await(barrier);
                return apiA.answer(id, "latency", value);
            });
            CompletableFuture<Api.Response> onB = CompletableFuture.supplyAsync(() -> {
                await(barrier);
                return apiB.answer(id, "utilization", other);
            });
            Api.Response ra = onA.get(60, TimeUnit.SECONDS);
            Api.Response rb = onB.get(60, TimeUnit.SECONDS);
            assertThat(List.of(ra.status(), rb.status())).as("%s / %s", ra, rb).contains(200).allMatch(s -> s == 200 || s == 409);
            // Whatever the interleaving, no acknowledged answer is lost.
            Map<String, Object> answers = Api.answers(apiA.conversation(id));
            if (ra.status() == 200) {
                assertThat(answers).containsEntry("latency", value);
            }
            if (rb.status() == 200) {
                assertThat(answers).containsEntry("utilization", other);
            }
            assertThat(apiB.conversation(id)).isEqualTo(apiA.conversation(id));
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
