package org.infraadvisor.ops;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are worked on by twice as many threads as there are cores (docs/operations.md, "Request threads"); the
 * others wait. 32 threads on 2 cores served fewer turns a second and made the slowest slower.
 */
@MicronautTest
class RequestThreadsTest {

    @Inject
    @Named(TaskExecutors.BLOCKING)
    ExecutorService requestThreads;

    @Test
    void twiceTheCoresWorkAtOnceAndTheRestWait() throws Exception {
        assertAtOnce(requestThreads, 2 * Runtime.getRuntime().availableProcessors());
    }

    static void assertAtOnce(ExecutorService requestThreads, int expected) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        List<Future<?>> tasks = new ArrayList<>();
        for (int i = 0; i < expected + 3; i++) {
            tasks.add(requestThreads.submit(() -> {
                running.incrementAndGet();
                release.await();
                return null;
            }));
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (running.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(300); // time for a thread beyond the pool to start, if there were one
            assertThat(running.get()).as("tasks running at once").isEqualTo(expected);
        } finally {
            release.countDown();
        }
        for (Future<?> task : tasks) {
            task.get(10, TimeUnit.SECONDS);
        }
        assertThat(running.get()).as("every task ran in the end").isEqualTo(expected + 3);
    }
}
