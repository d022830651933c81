package org.infraadvisor.progress;

import org.infraadvisor.dialogue.AskingPolicy;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.RuleSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One computation per rules version and state, also when many ask at once; a failure is not kept. */
class StateCacheTest {

    final RuleSet v1 = new RuleSet("v1", Instant.EPOCH, null, Map.of(), List.of(), List.of(), Map.of());
    final RuleSet v2 = new RuleSet("v2", Instant.EPOCH, null, Map.of(), List.of(), List.of(), Map.of());
    final Flow flow = new Flow("f", "F", "", "f.yaml", List.of(), AskingPolicy.DEFAULT);
    final StateCache<String> cache = new StateCache<>(100);

    @RepeatedTest(100) // the first callers of a rules version race to notice it; none may drop another's computation
    void callersAskingForTheSameStateAtOnceWaitForOneComputation() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    await(go); // all at once: the first callers of a rules version
                    return cache.get(v1, flow, Map.of("q", "a"), () -> {
                        computed.incrementAndGet();
                        started.countDown();
                        await(release);
                        return "outcome";
                    });
                }));
            }
            go.countDown();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(20); // the others reach the cache while the first computes
            release.countDown();
            for (Future<String> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo("outcome");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computed).hasValue(1);
    }

    @Test
    void aFailureIsNotKeptAndOtherRulesComputeAgain() {
        assertThatThrownBy(() -> cache.get(v1, flow, Map.of(), () -> {
            throw new IllegalStateException("rules fired too often");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(cache.get(v1, flow, Map.of(), () -> "second try")).isEqualTo("second try");
        assertThat(cache.get(v1, flow, Map.of(), () -> "not asked")).isEqualTo("second try");
        assertThat(cache.get(v2, flow, Map.of(), () -> "new rules")).isEqualTo("new rules");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
