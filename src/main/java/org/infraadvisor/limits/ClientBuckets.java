package org.infraadvisor.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

/**
 * One token bucket per client, held in memory per instance. A bucket idle for longer than it takes to
 * refill completely is forgotten (a fresh one is identical), and the number of clients tracked is bounded.
 */
final class ClientBuckets {

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

    ConsumptionProbe tryConsume(String client) {
        return bucket(client).tryConsumeAndReturnRemaining(1);
    }

    void giveBack(String client) {
        bucket(client).addTokens(1);
    }

    private Bucket bucket(String client) {
        return buckets.get(client, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillTokens, refillPeriod))
                .build());
    }

    /** Whole seconds until the next token, at least one (what {@code Retry-After} says). */
    static long retryAfterSeconds(ConsumptionProbe probe) {
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
