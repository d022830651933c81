package org.infraadvisor.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.infraadvisor.store.StoreDialect;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One token bucket per client, held in memory: the limits of a single instance on H2. A bucket idle for longer than
 * it takes to refill completely is forgotten (a fresh one is identical), and the number of clients tracked is bounded.
 */
final class ClientBuckets implements Buckets {

    private static final long MAX_CLIENTS = 200_000;

    private final long capacity;
    private final long refillTokens;
    private final Duration refillPeriod;
    private final Cache<String, Bucket> buckets;

    ClientBuckets(long capacity, long refillTokens, Duration refillPeriod) {
        this.capacity = capacity;
        this.refillTokens = refillTokens;
        this.refillPeriod = refillPeriod;
        Duration fullRefill = refillPeriod.multipliedBy(capacity).dividedBy(Math.max(1, refillTokens));
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(fullRefill.plusSeconds(1))
                .maximumSize(MAX_CLIENTS)
                .build();
    }

    @Override
    public OptionalLong tryTake(String client) {
        ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
        return Buckets.waitUnless(probe.isConsumed(), probe.getNanosToWaitForRefill());
    }

    @Override
    public OptionalLong peek(String client) {
        EstimationProbe probe = bucket(client).estimateAbilityToConsume(1);
        return Buckets.waitUnless(probe.canBeConsumed(), probe.getNanosToWaitForRefill());
    }

    @Override
    public void giveBack(String client) {
        bucket(client).addTokens(1);
    }

    private Bucket bucket(String client) {
        return buckets.get(client, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillTokens, refillPeriod))
                .build());
    }

    /** Buckets in this instance's memory, for H2 (a single instance). */
    @Singleton
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.H2)
    static class InMemory implements BucketFactory {
        @Override
        public Buckets create(String name, long capacity, long refillTokens, Duration refillPeriod) {
            return new ClientBuckets(capacity, refillTokens, refillPeriod);
        }
    }
}
