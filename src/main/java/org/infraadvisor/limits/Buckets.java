package org.infraadvisor.limits;

import java.util.OptionalLong;

/** One token bucket per client for one limit: taking a token allows a request, an empty bucket says how long to wait. */
public interface Buckets {

    /** Takes a token: empty when allowed, else the whole seconds until the next token (what {@code Retry-After} says). */
    OptionalLong tryTake(String client);

    /** Whether a token is there, without taking it: empty when there is, else the whole seconds until the next one. */
    OptionalLong peek(String client);

    /** Puts a token back (the request it allowed did not happen). */
    void giveBack(String client);

    /** Empty when allowed, else the whole seconds to wait (at least one). */
    static OptionalLong waitUnless(boolean allowed, long nanosToWait) {
        return allowed ? OptionalLong.empty() : OptionalLong.of(Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L));
    }
}
