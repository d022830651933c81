package org.infraadvisor.channels.slack;

import com.slack.api.app_backend.SlackSignature;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks that a request comes from Slack: {@code X-Slack-Signature} must be {@code v0=} + HMAC-SHA256 of
 * {@code v0:{timestamp}:{raw body}} with the signing secret, and {@code X-Slack-Request-Timestamp} must be
 * within five minutes of the clock (older requests are replays).
 * <p>
 * The HMAC is computed here over the raw bytes rather than with the SDK's {@code SlackSignature.Generator},
 * which hashes {@code String.getBytes()} in the platform charset (wrong for non-ASCII JSON bodies on a JVM
 * whose default charset is not UTF-8) and compares with {@code String.equals} (not constant-time).
 */
@Singleton
public class SlackRequestVerifier {

    static final Duration MAX_AGE = Duration.ofMillis(SlackSignature.TimestampVerifier.TIMESTAMP_EXPIRATION_TIME_IN_MILLIS);
    private static final String ALGORITHM = "HmacSHA256";

    private final SlackSettings settings;
    private final Clock clock;

    public SlackRequestVerifier(SlackSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns normally for a genuine, fresh request; otherwise throws with the reason (never the body). */
    public void verify(String timestamp, String signature, byte[] body) {
        if (!settings.enabled()) {
            throw new IllegalStateException("no signing secret configured");
        }
        if (timestamp == null || timestamp.isBlank()) {
            throw new Refused("missing " + SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP + " header");
        }
        if (signature == null || signature.isBlank()) {
            throw new Refused("missing " + SlackSignature.HeaderNames.X_SLACK_SIGNATURE + " header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new Refused(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP + " is not a number of seconds");
        }
        long ageMillis;
        try {
            // exact arithmetic: a huge timestamp must not wrap around into the window
            ageMillis = Math.subtractExact(clock.millis(), Math.multiplyExact(seconds, 1000L));
        } catch (ArithmeticException e) {
            throw new Refused(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP + " is not a plausible time");
        }
        if (Math.abs(ageMillis) > MAX_AGE.toMillis()) {
            throw new Refused(ageMillis > 0 ? "request timestamp is more than 5 minutes old; refused as a possible replay"
                    : "request timestamp is more than 5 minutes in the future");
        }
        byte[] expected = sign(settings.signingSecret(), timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("signature does not match the request");
        }
    }

    /** {@code v0=} + hex HMAC-SHA256 of {@code v0:{timestamp}:{body}}. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** A request that is not (or no longer) provably from Slack. */
    public static class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }
}
