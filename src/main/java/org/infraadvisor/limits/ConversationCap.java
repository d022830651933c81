package org.infraadvisor.limits;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many conversations a client may start per hour ({@code advisor.limits.conversations-per-client-per-hour}).
 * Any channel can use it with its own notion of client; the REST API uses the client address. On PostgreSQL the
 * count is shared by every instance.
 */
@Singleton
public class ConversationCap {

    private final int perHour;
    private final Buckets buckets;

    ConversationCap(ConversationLimitConfig config, BucketFactory factory) {
        this.perHour = config.conversationsPerClientPerHour();
        this.buckets = perHour > 0 ? factory.create("conversations", perHour, perHour, Duration.ofHours(1)) : null;
    }

    public boolean enabled() {
        return buckets != null;
    }

    public int perHour() {
        return perHour;
    }

    /** Takes one start from the client's allowance: empty when allowed, else the seconds to wait. */
    public OptionalLong tryStart(String client) {
        return buckets == null ? OptionalLong.empty() : buckets.tryTake(client);
    }

    /** Returns a start that did not happen (the request was refused for another reason). */
    public void giveBack(String client) {
        if (buckets != null) {
            buckets.giveBack(client);
        }
    }
}
