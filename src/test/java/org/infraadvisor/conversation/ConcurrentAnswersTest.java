package org.infraadvisor.conversation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.infraadvisor.testsupport.Answering;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests change the same conversation at the same instant. Optimistic locking must let the winners through
 * one after another and refuse the others with 409, leaving no trace of a refused write: no lost update.
 * Runs on H2 and on PostgreSQL (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentAnswersTest {

    static final Map<String, Object> FIRST = Map.ofEntries(
            Map.entry("workload", "inference"), Map.entry("model_size_b", 70), Map.entry("daily_requests", 10000),
            Map.entry("tokens_per_request", 1000), Map.entry("latency", "interactive"), Map.entry("utilization", "steady"),
            Map.entry("data_residency", "none"), Map.entry("budget", "either"), Map.entry("ops_skills", "basic"),
            Map.entry("datacenter", "standard"), Map.entry("time_to_production", "3-to-12-months"), Map.entry("horizon_years", 3));

    /** Changes that do not make other questions appear or disappear, so each one's effect can be checked alone. */
    static final Map<String, Object> SECOND = Map.of(
            "model_size_b", 405.0, "tokens_per_request", 2000.0, "latency", "batch", "utilization", "bursty",
            "data_residency", "regional", "budget", "opex", "ops_skills", "advanced", "datacenter", "none");

    static final int ROUNDS = 6;

    Map<String, Object> database;
    EmbeddedServer server;
    Api api;
    ExecutorService pool;

    abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        database = database();
        Map<String, Object> config = new HashMap<>(database);
        config.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, config, "test");
        api = new Api(server.getURI());
        pool = Executors.newFixedThreadPool(SECOND.size());
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        server.close();
    }

    long version(String id) {
        return TestDatabases.queryLong(database, "select version from conversation where id = ?", id);
    }

    /** Sends all calls at once (released together by a barrier) and returns the responses in call order. */
    List<Api.Response> race(List<java.util.function.Supplier<Api.Response>> calls) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(calls.size());
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (var call : calls) {
            futures.add(pool.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return call.get();
            }));
        }
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> f : futures) {
            responses.add(f.get(120, TimeUnit.SECONDS));
        }
        return responses;
    }

    static void assertConflictProblem(Api.Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(409);
        assertThat(r.isProblem()).as("%s", r).isTrue();
        assertThat(r.problem().detail()).contains("changed by another request");
    }

    @Test
    void answersToDifferentQuestionsAtOnceNeverLoseAnUpdate() throws Exception {
        String id = api.start().id();
        Map<String, Object> expected = new LinkedHashMap<>(Api.answers(api.complete(id, FIRST)));
        int wins = 0;
        int conflicts = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long versionBefore = version(id);
            List<String> questions = new ArrayList<>(SECOND.keySet());
            boolean forth = round % 2 == 0;
            List<java.util.function.Supplier<Api.Response>> calls = new ArrayList<>();
            for (String q : questions) {
                Object value = forth ? SECOND.get(q) : FIRST.get(q);
                calls.add(() -> api.answer(id, q, value));
            }
            List<Api.Response> responses = race(calls);

            int roundWins = 0;
            for (int i = 0; i < questions.size(); i++) {
                Api.Response r = responses.get(i);
                if (r.status() == 200) {
                    roundWins++;
                    String q = questions.get(i);
                    expected.put(q, forth ? SECOND.get(q) : FIRST.get(q));
                } else {
                    conflicts++;
                    assertConflictProblem(r);
                }
            }
            assertThat(roundWins).as("the first to commit always wins").isPositive();
            wins += roundWins;
            assertThat(version(id)).as("each acknowledged answer is one committed change, no more, no less")
                    .isEqualTo(versionBefore + roundWins);
            Map<String, Object> stored = Api.answers(api.conversation(id));
            assertThat(Answering.numbersAsDoubles(stored)).as("every acknowledged answer is stored, no refused one is").isEqualTo(Answering.numbersAsDoubles(expected));
        }
        assertThat(wins + conflicts).isEqualTo(ROUNDS * SECOND.size());
        assertThat(conflicts).as("the requests really raced").isPositive();
        assertThat(TestDatabases.queryLong(database, "select count(*) from answer where conversation_id = ?", id))
                .isEqualTo(expected.size());
        assertThat(api.conversation(id).recommendation()).isNotNull();
    }

    @Test
    void aClientRacingItselfOnOneQuestionGetsConflictsAndOneStoredAnswer() throws Exception {
        String id = api.start().id();
        api.complete(id, FIRST);
        List<Integer> sizes = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        for (int round = 0; round < ROUNDS; round++) {
            long versionBefore = version(id);
            List<java.util.function.Supplier<Api.Response>> calls = new ArrayList<>();
            sizes.forEach(size -> calls.add(() -> api.answer(id, "model_size_b", size)));
            List<Api.Response> responses = race(calls);

            List<Double> acknowledged = new ArrayList<>();
            for (int i = 0; i < sizes.size(); i++) {
                Api.Response r = responses.get(i);
                if (r.status() == 200) {
                    acknowledged.add(sizes.get(i).doubleValue());
                } else {
                    assertConflictProblem(r);
                }
            }
            assertThat(acknowledged).isNotEmpty();
            assertThat(version(id)).isEqualTo(versionBefore + acknowledged.size());
            Object stored = Api.answers(api.conversation(id)).get("model_size_b");
            assertThat(((Number) stored).doubleValue()).isIn(acknowledged.toArray());
            assertThat(TestDatabases.queryLong(database,
                    "select count(*) from answer where conversation_id = ? and question = 'model_size_b'", id)).isEqualTo(1);
        }
    }
}
