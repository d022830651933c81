package org.infraadvisor.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationSlotsTest {

    @Test
    void noMoreEvaluationsRunAtOnceThanThereAreSlotsAndAllOfThemFinish() throws Exception {
        EvaluationSlots slots = new EvaluationSlots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                results.add(threads.submit(() -> {
                    start.await();
                    return slots.run(() -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        return n;
                    });
                }));
            }
            start.countDown();
            int sum = 0;
            for (Future<Integer> r : results) {
                sum += r.get(30, TimeUnit.SECONDS);
            }
            assertThat(sum).isEqualTo(64 * 63 / 2);
            assertThat(most.get()).isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSlotIsGivenBackWhenAnEvaluationFails() {
        EvaluationSlots slots = new EvaluationSlots(1);
        assertThatThrownBy(() -> slots.run(() -> {
            throw new IllegalStateException("rule failed");
        })).hasMessage("rule failed");
        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void fewerThanOneSlotIsRefused() {
        assertThatThrownBy(() -> new EvaluationSlots(0)).hasMessageContaining("advisor.rules.concurrent-evaluations");
    }
}
