package org.infraadvisor.channels.slack;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.infraadvisor.store.ConversationRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.channels.slack.SlackTestClient.FORM;
import static org.infraadvisor.channels.slack.SlackTestClient.JSON;

/**
 * Every request to {@code POST /slack/events} is verified before anything is read or stored: Slack's published
 * example passes only with the clock at its timestamp; forged, stale, unsigned and malformed requests get the
 * right status and a problem document, and leave the database as it was.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackEndpointSecurityTest implements TestPropertyProvider {

    static final FakeSlackApi SLACK = FakeSlackApi.start();

    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;
    @Inject
    ConversationRepository conversations;
    @Inject
    SlackLinkRepository links;
    @Inject
    SlackDeliveryRepository deliveries;
    @Inject
    SlackDeliveries keys;

    SlackTestClient client;

    @Override
    public Map<String, String> getProperties() {
        return SLACK.serviceProperties("test.slack.clock", "mutable");
    }

    @BeforeEach
    void setUp() {
        client = new SlackTestClient(server.getURI(), SLACK);
        clock.useSystemTime();
    }

    @AfterEach
    void systemTimeAgain() {
        clock.useSystemTime();
    }

    @AfterAll
    void stopFakeSlack() {
        SLACK.close();
    }

    List<Long> stored() {
        return List.of(conversations.count(), links.count(), deliveries.count());
    }

    static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains(detail);
    }

    HttpResponse<String> publishedExample() {
        return client.send(FORM, SlackRequestVerifierTest.BODY, Map.of(
                "X-Slack-Request-Timestamp", String.valueOf(SlackRequestVerifierTest.TIMESTAMP),
                "X-Slack-Signature", SlackRequestVerifierTest.SIGNATURE));
    }

    @Test
    void slacksPublishedExampleIsRefusedAsStaleTodayAndAcceptedWithTheClockAtItsTimestamp() {
        List<Long> before = stored();
        assertProblem(publishedExample(), 401, "more than 5 minutes old");
        assertThat(stored()).isEqualTo(before);
        assertThat(SLACK.calls()).noneMatch(c -> "G8PSS9T3V".equals(c.channel()));

        clock.fixAt(Instant.ofEpochSecond(SlackRequestVerifierTest.TIMESTAMP + 2));
        HttpResponse<String> accepted = publishedExample();
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        // the example is a slash command: the bot opens a thread in the example's channel and asks there
        FakeSlackApi.Call root = SLACK.awaitCall("chat.postMessage", 1, c -> "G8PSS9T3V".equals(c.channel()) && c.threadTs() == null);
        FakeSlackApi.Call question = SLACK.awaitCall("chat.postMessage", 1, c -> root.ts().equals(c.threadTs()));
        assertThat(root.authorization()).isEqualTo("Bearer xoxb-test-token");
        assertThat(root.blocksText()).contains("<@U2CERLKJA> asked for advice");
        assertThat(question.blocksText()).contains("What will the AI system mainly do?");
        FakeSlackApi.poll("the link to be stored", () -> links.findByTeamIdAndChannelIdAndUserId("T1DC2JH3J", "G8PSS9T3V", "U2CERLKJA")
                .filter(l -> question.ts().equals(l.questionTs())).isPresent());
        assertThat(conversations.count()).isEqualTo(before.get(0) + 1);

        // the same request again, still within five minutes: a replay, acknowledged and ignored
        long posts = SLACK.calls("chat.postMessage").size();
        assertThat(publishedExample().statusCode()).isEqualTo(200);
        assertThat(SLACK.calls("chat.postMessage")).hasSize((int) posts);
        assertThat(conversations.count()).isEqualTo(before.get(0) + 1);
    }

    @Test
    void forgedUnsignedAndStaleRequestsGet401AndStoreNothing() {
        String body = client.slashBody("U0FORGER", "C0SEC", "");
        String now = String.valueOf(Instant.now().getEpochSecond());
        List<Long> before = stored();

        String forged = SlackTestClient.signature("not-the-secret", now, body);
        assertProblem(client.send(FORM, body, Map.of("X-Slack-Request-Timestamp", now, "X-Slack-Signature", forged)), 401,
                "signature does not match");
        String signedOther = SlackTestClient.signature(SlackTestClient.SECRET, now, body.replace("U0FORGER", "U0VICTIM"));
        assertProblem(client.send(FORM, body, Map.of("X-Slack-Request-Timestamp", now, "X-Slack-Signature", signedOther)), 401,
                "signature does not match");
        assertProblem(client.send(FORM, body, Map.of()), 401, "missing X-Slack-Request-Timestamp header");
        assertProblem(client.send(FORM, body, Map.of("X-Slack-Request-Timestamp", now)), 401, "missing X-Slack-Signature header");
        assertProblem(client.send(FORM, body, Map.of("X-Slack-Request-Timestamp", "soon", "X-Slack-Signature", forged)), 401, "not a number");
        long sixMinutesAgo = Instant.now().getEpochSecond() - 360;
        assertProblem(client.signedAt(sixMinutesAgo, FORM, body, Map.of()), 401, "more than 5 minutes old");
        long sixMinutesAhead = Instant.now().getEpochSecond() + 360;
        assertProblem(client.signedAt(sixMinutesAhead, FORM, body, Map.of()), 401, "in the future");

        assertThat(stored()).isEqualTo(before);
        assertThat(SLACK.calls()).noneMatch(c -> "C0SEC".equals(c.channel()));
    }

    @Test
    void signedButMalformedRequestsGet400AndStoreNothing() {
        List<Long> before = stored();
        assertProblem(client.signed(JSON, "{\"type\": \"event_callback\", "), 400, "not valid JSON");
        assertProblem(client.signed(JSON, "[1, 2]"), 400, "not a JSON object");
        assertProblem(client.signed(JSON, "{\"challenge\": \"x\"}"), 400, "no 'type'");
        assertProblem(client.signed(JSON, "{\"type\": \"url_verification\"}"), 400, "without 'challenge'");
        assertProblem(client.signed(JSON, "{\"type\": \"event_callback\", \"team_id\": \"T1\", \"event\": {\"type\": \"message\"}}"), 400,
                "without 'event_id'");
        assertProblem(client.signed(JSON, "{\"type\": \"event_callback\", \"team_id\": \"T1\", \"event_id\": \"Ev1\"}"), 400,
                "without an 'event' object");
        assertProblem(client.signed(FORM, ""), 400, "the body is empty");
        assertProblem(client.signed(FORM, "hello=world"), 400, "needs 'command'");
        assertProblem(client.signed(FORM, "command=%2Fadvisor&team_id=T1&channel_id=C1&trigger_id=t1"), 400, "without 'user_id'");
        assertProblem(client.signed(FORM, "command=%ZZ"), 400, "not URL-encoded correctly");
        assertProblem(client.signed(FORM, "payload=%7Bnot+json"), 400, "not valid JSON");
        assertProblem(client.signed(FORM, SlackTestClient.form(Map.of("payload", "{\"team\": {\"id\": \"T1\"}}"))), 400, "no 'type'");
        assertProblem(client.signed(FORM, SlackTestClient.form(Map.of("payload",
                "{\"type\": \"block_actions\", \"team\": {\"id\": \"T1\"}, \"user\": {\"id\": \"U1\"}, \"actions\": []}"))), 400,
                "at least one action");
        assertProblem(client.signed(FORM, SlackTestClient.form(Map.of("payload",
                "{\"type\": \"block_actions\", \"team\": {\"id\": \"T1\"}, \"user\": {\"id\": \"U1\"}, \"trigger_id\": \"t9\","
                        + " \"actions\": [{\"action_id\": \"answer_0\", \"block_id\": \"q|c|workload\", \"value\": \"inference\"}]}"))), 400,
                "without a channel and message");
        assertProblem(client.signed(FORM, SlackTestClient.form(Map.of("payload",
                "{\"type\": \"block_actions\", \"team\": {\"id\": \"T1\"}, \"user\": {\"id\": \"U1\"}, \"trigger_id\": \"t7\","
                        + " \"container\": {\"message_ts\": \"1.2\", \"channel_id\": \"C1\"},"
                        + " \"actions\": [{\"action_id\": \"answer_0\", \"block_id\": \"somebody-elses-block\", \"value\": \"x\"}]}"))), 400,
                "without a question block_id");
        assertProblem(client.signed(FORM, SlackTestClient.form(Map.of("payload",
                "{\"type\": \"view_submission\", \"team\": {\"id\": \"T1\"}, \"user\": {\"id\": \"U1\"}, \"trigger_id\": \"t8\","
                        + " \"view\": {\"callback_id\": \"answer_modal\", \"private_metadata\": \"forged\"}}"))), 400,
                "private_metadata");
        assertThat(stored()).isEqualTo(before);
    }

    /** Gson's and the JDK's own words (token names, paths of a thousand brackets, links, class names) never reach the sender. */
    @Test
    void malformedBodiesAreDescribedInTheBodysTermsNotTheParsers() {
        List<Long> before = stored();
        HttpResponse<String> wrongType = client.signed(FORM, SlackTestClient.form(Map.of("payload",
                "{\"type\": \"block_actions\", \"team\": {\"id\": \"T1\"}, \"user\": {\"id\": \"U1\"}, \"actions\": \"answer\"}")));
        assertProblem(wrongType, 400, "expected a list, found text (line 1, column 83, at 'actions')");
        HttpResponse<String> deep = client.signed(FORM, "payload=" + "%5B".repeat(400) + "%5D".repeat(400));
        assertProblem(deep, 400, "nested too deeply (line 1, column");
        HttpResponse<String> broken = client.signed(JSON, "{\"type\": \"event_callback\", \"event\": {\"type\" ");
        assertProblem(broken, 400, "the body is not valid JSON: it is not well-formed JSON (line 1, column");
        HttpResponse<String> encoding = client.signed(FORM, "command=%2Fadvisor&text=100%25&team_id=%ZZ");
        assertProblem(encoding, 400, "field 'team_id' has a '%' that is not followed by two hexadecimal digits");
        for (HttpResponse<String> response : List.of(wrongType, deep, broken, encoding)) {
            assertThat(response.body()).doesNotContain("BEGIN_ARRAY", "STRING", "$[0]", "$.", "gson", "https://", "URLDecoder", "Exception");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void deliveryKeysArePurgedAfterTheirRetention() {
        clock.fixAt(Instant.now().minus(SlackDeliveries.RETENTION).minusSeconds(60));
        assertThat(keys.claim("test:old")).isTrue();
        clock.useSystemTime();
        assertThat(keys.claim("test:recent")).isTrue();
        assertThat(keys.claim("test:recent")).as("claimed once only").isFalse();
        keys.purge();
        assertThat(deliveries.existsById("test:old")).isFalse();
        assertThat(deliveries.existsById("test:recent")).isTrue();
    }

    @Test
    void urlVerificationIsAnsweredWithTheChallenge() {
        List<Long> before = stored();
        HttpResponse<String> response = client.signed(JSON,
                "{\"token\": \"Jhj5dZrVaK7ZwHHjRyZWjbDl\", \"challenge\": \"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\", \"type\": \"url_verification\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aSlashCommandInAChannelWithoutTheBotSaysHowToInviteItAndStartsNothing() {
        SLACK.refuseChannel("C0NOBOT");
        long conversationsBefore = conversations.count();
        assertThat(client.slash("U0OUTSIDE", "C0NOBOT", "").statusCode()).isEqualTo(200);
        FakeSlackApi.Call note = SLACK.awaitCall("response_url", 1, c -> c.json().get("text").getAsString().contains("/invite"));
        assertThat(note.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(conversations.count()).isEqualTo(conversationsBefore);
    }

    @Test
    void helpIsAnsweredRightAway() {
        HttpResponse<String> response = client.slash("U0HELP", "C0HELP", "help");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"response_type\":\"ephemeral\"").contains("/advisor restart").contains("/advisor change");
    }
}
