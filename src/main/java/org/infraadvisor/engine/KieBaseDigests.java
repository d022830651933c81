package org.infraadvisor.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of every compiled-rules cache entry this service wrote, kept apart from the entries: an entry is used
 * only when its digest was recorded here for its key, so a file planted in (or copied into) the cache folder is never
 * run. The service keeps them in its database; tools and tests that run without one use {@link #PROCESS}.
 */
public interface KieBaseDigests {

    /** Digests recorded by this JVM only: an entry written by another process is never trusted. */
    KieBaseDigests PROCESS = new InMemory();

    /** Whether an entry with this digest was written for this key. */
    boolean isRecorded(String key, String sha256);

    /** Remembers that this service wrote an entry with this digest for this key. */
    void record(String key, String sha256);

    final class InMemory implements KieBaseDigests {
        private final Set<String> recorded = ConcurrentHashMap.newKeySet();

        @Override
        public boolean isRecorded(String key, String sha256) {
            return recorded.contains(key + ":" + sha256);
        }

        @Override
        public void record(String key, String sha256) {
            recorded.add(key + ":" + sha256);
        }
    }
}
