package org.infraadvisor.channels.slack;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Makes Slack retries and replays act once. A key (event id, trigger id, "this question message took its
 * answer", …) is claimed by inserting it under a primary key, so only one request wins even when several
 * instances share the database.
 */
@Singleton
public class SlackDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(SlackDeliveries.class);
    /** Far longer than Slack's retries (minutes) and the 5-minute replay window. */
    static final Duration RETENTION = Duration.ofDays(2);

    private final SlackDeliveryRepository repository;
    private final Clock clock;

    public SlackDeliveries(SlackDeliveryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** True if this call took the key; false if it had been taken before. */
    public boolean claim(String key) {
        try {
            repository.save(new SlackDeliveryRecord(storable(key), clock.instant()));
            return true;
        } catch (DataAccessException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Gives a key back, when what it guarded could not be done (so that the user can try again). */
    public void release(String key) {
        repository.deleteById(storable(key));
    }

    /**
     * The key as stored: itself when it fits {@code slack_delivery.delivery_key}, else its SHA-256, which keeps one
     * key per request. Requests are checked before they get here ({@link SlackIds}), so this is only a safety net.
     */
    static String storable(String key) {
        if (key.length() <= SlackDeliveryRecord.MAX_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void purge() {
        repository.deleteByReceivedAtLessThan(clock.instant().minus(RETENTION));
        LOG.debug("Purged Slack delivery keys older than {}", RETENTION);
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
