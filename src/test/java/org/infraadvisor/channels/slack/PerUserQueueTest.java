package org.infraadvisor.channels.slack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PerUserQueueTest {

    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final PerUserQueue queue = new PerUserQueue(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void oneUsersJobsRunOneAfterAnotherInOrderWhileOtherUsersGoOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherUserRan = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        queue.execute("alice", () -> {
            await(release);
            ran.add("alice-1");
        });
        var second = queue.execute("alice", () -> ran.add("alice-2"));
        queue.execute("bob", () -> {
            ran.add("bob");
            otherUserRan.countDown();
        });

        assertThat(otherUserRan.await(10, TimeUnit.SECONDS)).as("bob does not wait for alice").isTrue();
        assertThat(ran).containsExactly("bob");
        release.countDown();
        second.get(10, TimeUnit.SECONDS);
        assertThat(ran).containsExactly("bob", "alice-1", "alice-2");
    }

    @Test
    void aFailingJobDoesNotStopTheNextAndNothingIsKeptAfterwards() throws Exception {
        queue.execute("alice", () -> {
            throw new IllegalStateException("boom");
        });
        List<String> ran = new CopyOnWriteArrayList<>();
        queue.execute("alice", () -> ran.add("after")).get(10, TimeUnit.SECONDS);
        assertThat(ran).containsExactly("after");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queue.pendingKeys() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(queue.pendingKeys()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
