package org.infraadvisor.testsupport;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.infraadvisor.engine.KieBaseDigests;
import org.infraadvisor.store.KieBaseDigestStore;

/**
 * Tests only: the digests of compiled-rules cache entries kept for the test JVM instead of each test's database.
 * Every test application has a database of its own, so with the real store each of them would distrust the shared
 * cache (target/test-data/rules-cache) and compile the rules again. On by {@code test.rules-cache.digests: process}
 * (application-test.yml); {@code RulesCacheTrustTest} turns it off to test the database store.
 */
@Singleton
@Replaces(KieBaseDigestStore.class)
@Requires(property = "test.rules-cache.digests", value = "process")
public class ProcessDigests implements KieBaseDigests {

    @Override
    public boolean isRecorded(String key, String sha256) {
        return KieBaseDigests.PROCESS.isRecorded(key, sha256);
    }

    @Override
    public void record(String key, String sha256) {
        KieBaseDigests.PROCESS.record(key, sha256);
    }
}
