package org.infraadvisor.engine;

import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A value made once for each of the two most recent keys: the rule set serving and, during a reload, the one that
 * evaluations still in flight started with. An older value is dropped (not closed: it may still be in use); it goes
 * when nothing refers to it any more. Lookups take no lock; making a value does, so it is made once.
 */
final class LatestTwo<K, V> {

    private record Entry<K, V>(K key, V value) {
    }

    private final BiPredicate<K, K> sameKey;
    private volatile Entry<K, V> current;
    private volatile Entry<K, V> previous;

    /** @param sameKey whether two keys are the same (e.g. the same KieBase, by identity) */
    LatestTwo(BiPredicate<K, K> sameKey) {
        this.sameKey = sameKey;
    }

    /** The value for {@code key}, made with {@code make} when neither of the two latest keys is it. */
    V get(K key, Function<K, V> make) {
        Entry<K, V> found = find(key);
        if (found == null) {
            synchronized (this) {
                found = find(key);
                if (found == null) {
                    found = new Entry<>(key, make.apply(key));
                    previous = current;
                    current = found;
                }
            }
        }
        return found.value();
    }

    private Entry<K, V> find(K key) {
        Entry<K, V> c = current;
        if (c != null && sameKey.test(c.key(), key)) {
            return c;
        }
        Entry<K, V> p = previous;
        return p != null && sameKey.test(p.key(), key) ? p : null;
    }
}
