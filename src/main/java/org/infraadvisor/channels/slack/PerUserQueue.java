package org.infraadvisor.channels.slack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs jobs on an executor one at a time per key, in the order they came: the work for one Slack user's requests
 * (a click, then the next click) never overlaps, so a job never reads the link while an earlier job is still
 * posting and recording a message. Different users still run in parallel.
 */
final class PerUserQueue {

    private static final CompletableFuture<Void> IDLE = CompletableFuture.completedFuture(null);

    private final Executor executor;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    PerUserQueue(Executor executor) {
        this.executor = executor;
    }

    CompletableFuture<Void> execute(String key, Runnable job) {
        CompletableFuture<Void> next = tails.compute(key, (k, tail) ->
                (tail == null ? IDLE : tail).handle((done, failed) -> null).thenRunAsync(job, executor));
        // Outside compute(): the cleanup may run at once, and must not touch the map from inside its own update.
        next.whenComplete((done, failed) -> tails.remove(key, next));
        return next;
    }

    int pendingKeys() {
        return tails.size();
    }
}
