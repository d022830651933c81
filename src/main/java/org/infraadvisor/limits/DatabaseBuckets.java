package org.infraadvisor.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.infraadvisor.store.StoreDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Token buckets kept in PostgreSQL (table {@code limit_bucket}, Bucket4j's select-for-update proxy manager), so that
 * every instance on the database counts against the same buckets: N instances behind a load balancer allow what one
 * does. A bucket row expires once its bucket would be full again, and every instance deletes expired rows now and
 * then. When the database does not answer, the limit lets the request through (the request then meets the same
 * database and fails on its own) rather than refusing every client.
 */
@Singleton
@Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.POSTGRES)
class DatabaseBuckets implements BucketFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBuckets.class);
    private static final int MAX_KEY = 200;
    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;

    DatabaseBuckets(DataSource dataSource) {
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(DelegatingDataSource.unwrapDataSource(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public Buckets create(String name, long capacity, long refillTokens, Duration refillPeriod) {
        BucketConfiguration shape = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillTokens, refillPeriod))
                .build();
        return new Buckets() {
            @Override
            public OptionalLong tryTake(String client) {
                return orLetThrough(name, () -> {
                    ConsumptionProbe probe = proxies.getProxy(key(name, client), () -> shape).tryConsumeAndReturnRemaining(1);
                    return Buckets.waitUnless(probe.isConsumed(), probe.getNanosToWaitForRefill());
                });
            }

            @Override
            public OptionalLong peek(String client) {
                return orLetThrough(name, () -> {
                    EstimationProbe probe = proxies.getProxy(key(name, client), () -> shape).estimateAbilityToConsume(1);
                    return Buckets.waitUnless(probe.canBeConsumed(), probe.getNanosToWaitForRefill());
                });
            }

            @Override
            public void giveBack(String client) {
                orLetThrough(name, () -> {
                    proxies.getProxy(key(name, client), () -> shape).addTokens(1);
                    return OptionalLong.empty();
                });
            }
        };
    }

    /** The limit's answer, or "allowed" when the database does not give one. */
    private static OptionalLong orLetThrough(String limit, Supplier<OptionalLong> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            LOG.warn("The {} limit could not be checked in the database, so the request was let through: {}", limit, e.toString());
            return OptionalLong.empty();
        }
    }

    /** Deletes the rows of buckets that have refilled completely (a fresh bucket is the same). */
    @Scheduled(fixedDelay = "${advisor.limits.cleanup-interval:5m}", initialDelay = "1m")
    void removeExpired() {
        try {
            while (proxies.removeExpired(CLEANUP_BATCH) == CLEANUP_BATCH) {
                // another batch is waiting
            }
        } catch (RuntimeException e) {
            LOG.warn("Expired limit buckets could not be removed: {}", e.toString());
        }
    }

    /** The row key: the limit's name and the client, hashed when it would not fit the column. */
    static String key(String name, String client) {
        String key = name + ":" + client;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8));
            return name + ":#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
