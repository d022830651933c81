package org.infraadvisor.retention;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.infraadvisor.ops.AdvisorMetrics;
import org.infraadvisor.store.ConversationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes abandoned conversations with everything stored for them. Every instance runs it; deleting the
 * same rows twice is harmless, so no coordination is needed.
 */
@Singleton
@Requires(property = "advisor.retention.enabled", notEquals = "false")
public class ConversationExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationExpiry.class);

    private final RetentionConfig config;
    private final ConversationRepository conversations;
    private final AdvisorMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public ConversationExpiry(RetentionConfig config, ConversationRepository conversations, AdvisorMetrics metrics) {
        this.config = config;
        this.conversations = conversations;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelay = "${advisor.retention.cleanup-interval:1h}", initialDelay = "${advisor.retention.initial-delay:1m}")
    public void scheduled() {
        try {
            expire();
        } catch (RuntimeException e) {
            // the next run tries again; a failing run must not stop the schedule
            LOG.warn("Expiring abandoned conversations failed: {}", e.toString());
        }
    }

    /** Deletes conversations not updated for {@code advisor.retention.expire-after}; returns how many. */
    public long expire() {
        Instant cutoff = clock.instant().minus(config.expireAfter());
        long deleted = conversations.deleteByUpdatedAtLessThan(cutoff);
        if (deleted > 0) {
            metrics.conversationsExpired(deleted);
            LOG.info("Deleted {} conversations not updated since {}", deleted, cutoff);
        }
        return deleted;
    }
}
