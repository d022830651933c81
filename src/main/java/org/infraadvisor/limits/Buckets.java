package org.infraadvisor.limits;

import java.util.OptionalLong;

/** One token bucket per client for one limit: taking a token allows a request, an empty bucket says how long to wait. */
interface Buckets {

    /** Takes a token: empty when allowed, else the whole seconds until the next token (what {@code Retry-After} says). */
    OptionalLong tryTake(String client);

    /** Puts a token back (the request it allowed did not happen). */
    void giveBack(String client);

    /** Whole seconds until the next token, at least one. */
    static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
