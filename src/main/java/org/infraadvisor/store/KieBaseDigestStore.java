package org.infraadvisor.store;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.infraadvisor.engine.KieBaseDigests;

import java.time.Duration;
import java.time.Instant;

/**
 * The digests of the compiled-rules cache entries, in the database: apart from the cache folder, and as trusted as
 * the conversations themselves. Several instances sharing one database each record their own entries.
 */
@Singleton
public class KieBaseDigestStore implements KieBaseDigests {

    /** Older records go; an entry whose record went is just compiled and recorded again. */
    static final Duration KEEP = Duration.ofDays(90);

    private final RulesCacheDigestRepository repository;

    public KieBaseDigestStore(RulesCacheDigestRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean isRecorded(String key, String sha256) {
        return repository.existsBySha256AndCacheKey(sha256, key);
    }

    @Override
    public void record(String key, String sha256) {
        Instant now = Instant.now();
        try {
            if (!repository.existsById(sha256)) {
                repository.save(new RulesCacheDigestRecord(sha256, key, now));
            }
        } catch (DataAccessException e) {
            if (!isRecorded(key, sha256)) { // another instance recording the same entry at the same moment is fine
                throw e;
            }
        }
        repository.deleteByRecordedAtLessThan(now.minus(KEEP));
    }
}
