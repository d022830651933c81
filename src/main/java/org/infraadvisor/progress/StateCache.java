package org.infraadvisor.progress;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.RuleSet;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded cache of what was worked out for one state of answers under one rules version. A new rules version
 * (a reload) empties it: nothing computed with other rules is ever served.
 */
final class StateCache<V> {

    private record Key(String rulesVersion, String flow, Map<String, Object> answers) {
    }

    private final Cache<Key, V> cache;
    private volatile String rulesVersion;

    StateCache(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    V get(RuleSet ruleSet, Flow flow, Map<String, Object> answers, Supplier<V> compute) {
        if (!ruleSet.version().equals(rulesVersion)) {
            rulesVersion = ruleSet.version();
            cache.invalidateAll();
        }
        return cache.get(new Key(ruleSet.version(), flow.id(), Map.copyOf(answers)), k -> compute.get());
    }

    long size() {
        return cache.estimatedSize();
    }
}
