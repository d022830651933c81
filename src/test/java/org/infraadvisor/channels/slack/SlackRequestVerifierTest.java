package org.infraadvisor.channels.slack;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slack's published request-signing example, and every way a request can fail verification. */
class SlackRequestVerifierTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final long TIMESTAMP = 1531420618L;
    static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    static SlackRequestVerifier verifierAt(Instant now) {
        return new SlackRequestVerifier(new SlackSettings(SECRET, "xoxb-test", "http://127.0.0.1:9/api/", "infra-strategy",
                "https://hooks.slack.com/"),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    static void verify(SlackRequestVerifier verifier, String timestamp, String signature, String body) {
        verifier.verify(timestamp, signature, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void slacksPublishedExampleIsAcceptedWithTheClockAtItsTimestamp() {
        for (long offset : new long[]{0, 1, 299}) {
            SlackRequestVerifier verifier = verifierAt(Instant.ofEpochSecond(TIMESTAMP + offset));
            assertThatCode(() -> verify(verifier, String.valueOf(TIMESTAMP), SIGNATURE, BODY)).as("%d s later", offset).doesNotThrowAnyException();
        }
    }

    @Test
    void slacksPublishedExampleIsRefusedAsStaleOtherwise() {
        assertThatThrownBy(() -> verify(verifierAt(Instant.now()), String.valueOf(TIMESTAMP), SIGNATURE, BODY))
                .isInstanceOf(SlackRequestVerifier.Refused.class).hasMessageContaining("more than 5 minutes old");
        assertThatThrownBy(() -> verify(verifierAt(Instant.ofEpochSecond(TIMESTAMP + 301)), String.valueOf(TIMESTAMP), SIGNATURE, BODY))
                .isInstanceOf(SlackRequestVerifier.Refused.class).hasMessageContaining("replay");
        assertThatThrownBy(() -> verify(verifierAt(Instant.ofEpochSecond(TIMESTAMP - 301)), String.valueOf(TIMESTAMP), SIGNATURE, BODY))
                .isInstanceOf(SlackRequestVerifier.Refused.class).hasMessageContaining("in the future");
    }

    @Test
    void aForgedOrAlteredRequestIsRefused() {
        SlackRequestVerifier verifier = verifierAt(Instant.ofEpochSecond(TIMESTAMP + 10));
        String forged = SIGNATURE.substring(0, SIGNATURE.length() - 1) + "4";
        assertThatThrownBy(() -> verify(verifier, String.valueOf(TIMESTAMP), forged, BODY))
                .isInstanceOf(SlackRequestVerifier.Refused.class).hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> verify(verifier, String.valueOf(TIMESTAMP), SIGNATURE, BODY.replace("roadrunner", "coyote")))
                .hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> verify(verifier, String.valueOf(TIMESTAMP + 1), SIGNATURE, BODY))
                .as("the timestamp is signed too").hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> verify(verifier, String.valueOf(TIMESTAMP), SIGNATURE.replace("v0=", "v1="), BODY))
                .hasMessageContaining("signature does not match");
    }

    /** seconds × 1,000 of this timestamp wraps around a long to a few hundred milliseconds after "now". */
    static long wrappingTimestamp(Instant now) {
        long wrap = 18_446_744_073_709_552L; // ⌈2^64 / 1,000⌉: seconds × 1,000 gains 2^64 + 384 ms, which a long drops
        long seconds = now.getEpochSecond() + wrap;
        assertThat(seconds * 1000 - now.toEpochMilli()).as("the product really wraps into the window").isBetween(-300_000L, 300_000L);
        return seconds;
    }

    @Test
    void aTimestampWhoseMillisecondsOverflowIsRefused() {
        Instant now = Instant.ofEpochSecond(TIMESTAMP);
        String ts = String.valueOf(wrappingTimestamp(now));
        String signed = SlackTestClient.signature(SECRET, ts, BODY);
        assertThatThrownBy(() -> verify(verifierAt(now), ts, signed, BODY))
                .isInstanceOf(SlackRequestVerifier.Refused.class).hasMessageContaining("not a plausible time");
        assertThatThrownBy(() -> verify(verifierAt(now), String.valueOf(Long.MIN_VALUE), signed, BODY))
                .isInstanceOf(SlackRequestVerifier.Refused.class).hasMessageContaining("not a plausible time");
    }

    @Test
    void onlySlacksResponseUrlsAreTrusted() {
        SlackSettings settings = new SlackSettings(SECRET, "xoxb-test", "http://127.0.0.1:9/api/", "infra-strategy", "https://hooks.slack.com/");
        String slacks = "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN";
        assertThat(settings.trustedResponseUrl(slacks)).isEqualTo(slacks);
        assertThat(settings.trustedResponseUrl("https://HOOKS.slack.com/actions/T1/2/x")).isNotNull();
        for (String other : new String[]{"http://hooks.slack.com/commands/T1/2/x", "https://hooks.slack.com.evil.example/commands",
                "https://hooks.slack.com@evil.example/commands", "https://user@hooks.slack.com/commands", "https://hooks.slack.com:8443/x",
                "https://evil.example/https://hooks.slack.com/", "http://127.0.0.1:8080/admin/rules/reload", "file:///etc/passwd",
                "//hooks.slack.com/commands", "https://hooks.slack.com", "not a url", ""}) {
            assertThat(settings.trustedResponseUrl(other)).as(other).isNull();
        }
    }

    @Test
    void missingOrUnreadableHeadersAreRefused() {
        SlackRequestVerifier verifier = verifierAt(Instant.ofEpochSecond(TIMESTAMP));
        assertThatThrownBy(() -> verify(verifier, null, SIGNATURE, BODY)).hasMessageContaining("missing X-Slack-Request-Timestamp");
        assertThatThrownBy(() -> verify(verifier, String.valueOf(TIMESTAMP), null, BODY)).hasMessageContaining("missing X-Slack-Signature");
        assertThatThrownBy(() -> verify(verifier, "yesterday", SIGNATURE, BODY)).hasMessageContaining("not a number");
    }

    @Test
    void signsLikeSlacksOwnSdkAndSignsRawUtf8Bytes() {
        assertThat(SlackRequestVerifier.sign(SECRET, String.valueOf(TIMESTAMP), BODY.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(SIGNATURE)
                .isEqualTo(new SlackSignature.Generator(SECRET).generate(String.valueOf(TIMESTAMP), BODY));
        String json = "{\"event\":{\"text\":\"Größe? 日本\"}}";
        SlackRequestVerifier verifier = verifierAt(Instant.ofEpochSecond(TIMESTAMP));
        assertThatCode(() -> verify(verifier, String.valueOf(TIMESTAMP), SlackTestClient.signature(SECRET, String.valueOf(TIMESTAMP), json), json))
                .doesNotThrowAnyException();
    }
}
