package org.infraadvisor.limits;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How many conversations a client may start per hour ({@code advisor.limits.conversations-per-client-per-hour}).
 * Any channel can use it with its own notion of client; the REST API uses the client address.
 */
@Singleton
public class ConversationCap {

    private final int perHour;
    private final ClientBuckets buckets;

    public ConversationCap(ConversationLimitConfig config) {
        this.perHour = config.conversationsPerClientPerHour();
        this.buckets = perHour > 0 ? new ClientBuckets(perHour, perHour, Duration.ofHours(1)) : null;
    }

    public boolean enabled() {
        return buckets != null;
    }

    public int perHour() {
        return perHour;
    }

    /** Takes one start from the client's allowance: empty when allowed, else the seconds to wait. */
    public OptionalLong tryStart(String client) {
        if (buckets == null) {
            return OptionalLong.empty();
        }
        ConsumptionProbe probe = buckets.tryConsume(client);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(ClientBuckets.retryAfterSeconds(probe));
    }

    /** Returns a start that did not happen (the request was refused for another reason). */
    public void giveBack(String client) {
        if (buckets != null) {
            buckets.giveBack(client);
        }
    }
}
