package org.infraadvisor.progress;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.RuleSet;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded cache of what was worked out for one state of answers under one rules version. A new rules version
 * (a reload) empties it: nothing computed with other rules is ever served. Size 0 turns it off.
 */
final class StateCache<V> {

    private record Key(String rulesVersion, String flow, Map<String, Object> answers) {
    }

    private final Cache<Key, V> cache; // null when off
    private volatile String rulesVersion;

    StateCache(long maximumSize) {
        this.cache = maximumSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    V get(RuleSet ruleSet, Flow flow, Map<String, Object> answers, Supplier<V> compute) {
        if (cache == null) {
            return compute.get();
        }
        if (!ruleSet.version().equals(rulesVersion)) {
            rulesVersion = ruleSet.version();
            cache.invalidateAll();
        }
        Key key = new Key(ruleSet.version(), flow.id(), Map.copyOf(answers));
        V known = cache.getIfPresent(key);
        if (known != null) {
            return known;
        }
        // not computed inside the cache: a long computation there would hold up other keys of its hash bin
        V computed = compute.get();
        cache.put(key, computed);
        return computed;
    }
}
