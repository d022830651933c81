package org.infraadvisor.progress;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.RuleSet;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A bounded cache of what was worked out for one state of answers under one rules version. A new rules version
 * (a reload) empties it: nothing computed with other rules is ever served. Size 0 turns it off.
 * <p>
 * Callers that ask for the same state at once (many conversations starting together, after a start or a reload) wait
 * for the one that computes it, in its own thread, instead of each computing it.
 */
final class StateCache<V> {

    record Key(String rulesVersion, String flow, Map<String, Object> answers) {
    }

    private final AsyncCache<Key, V> cache; // null when off
    private final AtomicReference<String> rulesVersion = new AtomicReference<>();

    StateCache(long maximumSize) {
        this.cache = maximumSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maximumSize).buildAsync();
    }

    V get(RuleSet ruleSet, Flow flow, Map<String, Object> answers, Supplier<V> compute) {
        if (cache == null) {
            return compute.get();
        }
        Key key = key(ruleSet, flow, answers);
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> known = cache.asMap().putIfAbsent(key, mine);
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        // computed outside the cache's own locks: a long computation there would hold up other keys of its hash bin
        try {
            V computed = compute.get();
            mine.complete(computed);
            return computed;
        } catch (RuntimeException | Error e) {
            cache.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** What is known for the state, without waiting for a computation under way or starting one; null when nothing is. */
    V peek(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        if (cache == null) {
            return null;
        }
        CompletableFuture<V> known = cache.getIfPresent(key(ruleSet, flow, answers));
        return known != null && known.isDone() && !known.isCompletedExceptionally() ? known.join() : null;
    }

    /**
     * The key of the state; on the first call with another rules version, the states of other versions are dropped.
     * Only those: a caller that already put a computation of this version in the cache must not lose it to another
     * caller that noticed the change at the same moment (that made two callers compute one state).
     */
    private Key key(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        String version = ruleSet.version();
        String seen = rulesVersion.get();
        if (!version.equals(seen) && rulesVersion.compareAndSet(seen, version)) {
            cache.asMap().keySet().removeIf(k -> !k.rulesVersion().equals(version));
        }
        return keyOf(ruleSet, flow, answers);
    }

    /** What tells one state of answers under one rules version from another (also for work queued per state). */
    static Key keyOf(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        return new Key(ruleSet.version(), flow.id(), Map.copyOf(answers));
    }
}
