package org.infraadvisor.limits;

import java.time.Duration;

/**
 * Makes the buckets of a limit: in memory on H2 (one instance), in the database on PostgreSQL, so that every instance
 * counts against the same buckets. {@code name} keeps the buckets of different limits apart.
 */
public interface BucketFactory {

    Buckets create(String name, long capacity, long refillTokens, Duration refillPeriod);
}
