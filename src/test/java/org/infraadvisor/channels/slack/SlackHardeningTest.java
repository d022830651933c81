package org.infraadvisor.channels.slack;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.infraadvisor.store.ConversationRepository;
import org.infraadvisor.testsupport.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.channels.slack.SlackEndpointSecurityTest.assertProblem;
import static org.infraadvisor.channels.slack.SlackTestClient.FORM;

/**
 * Correctly signed requests that must still not get their way: a response_url that is not Slack's, a timestamp that
 * wraps around, identifiers with line breaks or of any length, and more conversation starts than the hourly cap.
 * Each against the fake Slack Web API on loopback.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackHardeningTest implements TestPropertyProvider {

    static final int CAP = 2;

    final FakeSlackApi slack = FakeSlackApi.start();
    /** A server on loopback that is not Slack: a request must never make the bot post here. */
    final HttpServer elsewhere = startElsewhere();
    final AtomicInteger postsElsewhere = new AtomicInteger();

    @Inject
    EmbeddedServer server;
    @Inject
    ConversationRepository conversations;
    @Inject
    SlackLinkRepository links;
    @Inject
    SlackDeliveryRepository deliveries;

    SlackTestClient client;

    @Override
    public Map<String, String> getProperties() {
        return slack.serviceProperties("advisor.limits.conversations-per-client-per-hour", String.valueOf(CAP));
    }

    HttpServer startElsewhere() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/", exchange -> {
                postsElsewhere.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void setUp() {
        client = new SlackTestClient(server.getURI(), slack);
    }

    @AfterAll
    void stop() {
        slack.close();
        elsewhere.stop(0);
    }

    List<Long> stored() {
        return List.of(conversations.count(), links.count(), deliveries.count());
    }

    String slashWith(String user, String channel, String text, String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("team_id", SlackTestClient.TEAM);
        f.put("channel_id", channel);
        f.put("user_id", user);
        f.put("command", "/advisor");
        f.put("text", text);
        f.put("response_url", responseUrl);
        f.put("trigger_id", client.nextId("trigger.hardening."));
        return SlackTestClient.form(f);
    }

    @Test
    void aResponseUrlThatIsNotSlacksIsNeverPostedTo() {
        String evil = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/collect";
        assertThat(client.signed(FORM, slashWith("U0EVE", "C0HARD", "change workload", evil)).statusCode()).isEqualTo(200);
        // the note goes to the user as an ephemeral message through the Web API instead
        FakeSlackApi.Call note = slack.awaitCall("chat.postEphemeral", 1, c -> "U0EVE".equals(c.form().get("user")));
        assertThat(note.form().get("text")).contains("no conversation in this channel yet");
        assertThat(postsElsewhere).hasValue(0);

        // Slack's own response_url (here: the fake's) is used as before
        assertThat(client.signed(FORM, slashWith("U0EVE", "C0HARD", "change workload", slack.responseUrl("ok"))).statusCode())
                .isEqualTo(200);
        slack.awaitCall("response_url", 1, c -> c.form().get("url").endsWith("/ok"));
        assertThat(postsElsewhere).hasValue(0);
    }

    @Test
    void aSignedTimestampWhoseMillisecondsWrapAroundIsRefused() {
        List<Long> before = stored();
        long wrapping = SlackRequestVerifierTest.wrappingTimestamp(Instant.now());
        HttpResponse<String> response = client.signedAt(wrapping, FORM, client.slashBody("U0WRAP", "C0WRAP", ""), Map.of());
        assertProblem(response, 401, "not a plausible time");
        assertThat(stored()).isEqualTo(before);
        assertThat(slack.calls()).noneMatch(c -> "C0WRAP".equals(c.channel()));
    }

    @Test
    void identifiersWithLineBreaksAreRefusedAndForgeNoLogLine() {
        String forged = "\n12:00:00.000 INFO  o.i.c.slack.SlackAdvisor - Slack user U0ADMIN granted everything";
        List<Long> before = stored();
        List<ILoggingEvent> events;
        try (LogCapture logs = new LogCapture()) {
            assertProblem(client.signed(FORM, slashWith("U0EVE" + forged, "C0LOG", "", slack.responseUrl("a"))), 400, "'user_id' is not a Slack id");
            assertProblem(client.signed(FORM, slashWith("U0EVE", "C0LOG" + forged, "", slack.responseUrl("b"))), 400, "'channel_id' is not a Slack id");
            JsonObject message = SlackTestClient.object("type", "message", "channel", "D0LOG", "user", "U0EVE" + forged, "text", "hi",
                    "ts", "1700000700.000100", "channel_type", "im");
            assertProblem(client.event(client.eventEnvelope(client.nextId("Ev0LOG"), message), null), 400, "'event.user' is not a Slack id");
            JsonObject payload = client.click("U0EVE" + forged, new FakeSlackApi.Call("chat.postMessage",
                    Map.of("channel", "C0LOG", "blocks", "[{\"type\":\"actions\",\"block_id\":\"r|abc\",\"elements\":"
                            + "[{\"type\":\"button\",\"action_id\":\"why\",\"value\":\"abc\"}]}]"), null, null, "1700000800.000100"),
                    SlackActions.WHY);
            assertProblem(client.interaction(payload), 400, "'user.id' is not a Slack id");
            // a genuine start afterwards, so that any job the refused requests had queued would have logged by now
            assertThat(client.signed(FORM, slashWith("U0LOGGED", "C0LOG", "", slack.responseUrl("c"))).statusCode()).isEqualTo(200);
            slack.awaitCall("chat.postMessage", 1, c -> "C0LOG".equals(c.channel()) && c.threadTs() != null);
            events = logs.events();
        }
        assertThat(stored().get(0)).isEqualTo(before.get(0) + 1);
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(LogCapture.fullText(e)).doesNotContain("granted everything"));
    }

    @Test
    void identifiersLongerThanTheirColumnsAreRefusedNotA500() {
        List<Long> before = stored();
        String longEventId = "Ev" + "0".repeat(300);
        JsonObject message = SlackTestClient.object("type", "message", "channel", "D0LONG", "user", "U0LONG", "text", "hi",
                "ts", "1700000900.000100", "channel_type", "im");
        assertProblem(client.event(client.eventEnvelope(longEventId, message), null), 400, "'event_id' is not a Slack trigger or event id");
        assertProblem(client.signed(FORM, slashWith("U" + "1".repeat(60), "C0LONG", "", slack.responseUrl("d"))), 400, "'user_id'");
        String longTrigger = slashWith("U0LONG", "C0LONG", "", slack.responseUrl("e")).replaceFirst("trigger_id=[^&]*", "trigger_id=" + "7".repeat(400));
        assertProblem(client.signed(FORM, longTrigger), 400, "'trigger_id'");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void deliveryKeysOfAnyLengthFitTheirColumnAndStillActOnce() {
        String longKey = "event:" + "x".repeat(400);
        String otherLongKey = "event:" + "x".repeat(399) + "y";
        assertThat(SlackDeliveries.storable(longKey)).hasSizeLessThanOrEqualTo(SlackDeliveryRecord.MAX_KEY).startsWith("sha256:");
        assertThat(SlackDeliveries.storable("event:Ev123")).isEqualTo("event:Ev123");
        SlackDeliveries keys = server.getApplicationContext().getBean(SlackDeliveries.class);
        assertThat(keys.claim(longKey)).isTrue();
        assertThat(keys.claim(longKey)).isFalse();
        assertThat(keys.claim(otherLongKey)).isTrue();
        keys.release(longKey);
        assertThat(keys.claim(longKey)).isTrue();
    }

    @Test
    void slackStartsCountAgainstTheConversationCap() {
        String user = "U0CAPPED";
        long before = conversations.count();
        assertThat(client.signed(FORM, slashWith(user, "C0CAP", "", slack.responseUrl("cap0"))).statusCode()).isEqualTo(200);
        slack.awaitCall("chat.postMessage", 1, c -> "C0CAP".equals(c.channel()) && c.threadTs() != null);
        assertThat(client.signed(FORM, slashWith(user, "C0CAP", "restart", slack.responseUrl("cap1"))).statusCode()).isEqualTo(200);
        slack.awaitCall("chat.postMessage", 2, c -> "C0CAP".equals(c.channel()) && c.threadTs() != null);
        FakeSlackApi.poll("two conversations", () -> conversations.count() == before + CAP);

        assertThat(client.signed(FORM, slashWith(user, "C0CAP", "restart", slack.responseUrl("cap2"))).statusCode()).isEqualTo(200);
        FakeSlackApi.Call refused = slack.awaitCall("response_url", 1, c -> c.form().get("url").endsWith("/cap2"));
        assertThat(refused.json().get("text").getAsString()).contains("started 2 conversations in the last hour").contains("try again in");
        assertThat(conversations.count()).isEqualTo(before + CAP);
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> "C0CAP".equals(c.channel()) && c.threadTs() == null).hasSize(CAP);

        // another user's allowance is their own
        assertThat(client.signed(FORM, slashWith("U0OTHER", "C0CAP", "", slack.responseUrl("cap3"))).statusCode()).isEqualTo(200);
        FakeSlackApi.poll("the other user's conversation", () -> conversations.count() == before + CAP + 1);
    }
}
