package org.infraadvisor.channels.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.format.Readable;
import org.infraadvisor.testsupport.AdvisorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.channels.slack.SlackTestClient.object;

/**
 * Whole conversations driven through signed Slack requests against a fake Slack Web API: the questions arrive
 * as Block Kit in a thread, clicks, a modal and thread replies answer them, answered messages lose their
 * controls, and the recommendation comes with its reasons; retries and double clicks act once.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackConversationTest implements TestPropertyProvider {

    /** One fake Slack per test class (not static), so that a subclass can run these tests on PostgreSQL. */
    final FakeSlackApi SLACK = FakeSlackApi.start();
    static final String PUBLIC_URL = "https://advisor.example.test";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    SlackLinkRepository links;

    SlackTestClient client;

    /**
     * The scripts walk the flow in the file's order (progressive advice off), so that each kind of input — buttons, a
     * number in a modal, a number as a thread reply, "I don't know" — comes at a known question.
     * {@link SlackProgressiveTest} checks that Slack asks in the advisor's order when it is on.
     */
    @Override
    public Map<String, String> getProperties() {
        return SLACK.serviceProperties("advisor.public-url", PUBLIC_URL, "advisor.progress.enabled", "false");
    }

    @BeforeEach
    void setUp() {
        client = new SlackTestClient(server.getURI(), SLACK);
    }

    @AfterAll
    void stopFakeSlack() {
        SLACK.close();
    }

    // --- reading what the bot posted ---

    static JsonObject actionsBlock(FakeSlackApi.Call message, String kind) {
        for (JsonElement b : message.blocks()) {
            JsonObject block = b.getAsJsonObject();
            if (block.get("type").getAsString().equals("actions") && block.get("block_id").getAsString().startsWith(kind + "|")) {
                return block;
            }
        }
        return null;
    }

    static boolean isQuestion(FakeSlackApi.Call message) {
        return actionsBlock(message, "q") != null;
    }

    static String questionId(FakeSlackApi.Call message) {
        return actionsBlock(message, "q").get("block_id").getAsString().split("\\|")[2];
    }

    /** The conversation a message belongs to, as the bot names it in Slack (a reference, never the id). */
    static String conversationRef(FakeSlackApi.Call message) {
        JsonObject block = actionsBlock(message, "q");
        return (block != null ? block : actionsBlock(message, "r")).get("block_id").getAsString().split("\\|")[1];
    }

    /** An answered question: nothing answers it any more; one button asks it again; no question id to type. */
    static void assertAnswered(FakeSlackApi.Call message) {
        assertThat(isQuestion(message)).as("an answered question takes no answer").isFalse();
        assertThat(elements(message, "c")).extracting(e -> e.get("action_id").getAsString() + ": " + e.getAsJsonObject("text").get("text").getAsString())
                .containsExactly(SlackActions.CHANGE_ONE + ": Change this answer");
        assertThat(message.blocksText()).doesNotContain("/advisor change");
    }

    static List<JsonObject> elements(FakeSlackApi.Call message, String kind) {
        List<JsonObject> out = new ArrayList<>();
        actionsBlock(message, kind).getAsJsonArray("elements").forEach(e -> out.add(e.getAsJsonObject()));
        return out;
    }

    static String actionFor(FakeSlackApi.Call question, String value) {
        return elements(question, "q").stream().filter(e -> e.has("value") && e.get("value").getAsString().equals(value))
                .map(e -> e.get("action_id").getAsString()).findFirst()
                .orElseThrow(() -> new AssertionError("no button with value " + value + " in " + question.blocksText()));
    }

    static String headerText(FakeSlackApi.Call message) {
        for (JsonElement b : message.blocks()) {
            if (b.getAsJsonObject().get("type").getAsString().equals("header")) {
                return b.getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
            }
        }
        return null;
    }

    FakeSlackApi.Call inThread(FakeSlackApi.Call root, int n) {
        return SLACK.awaitCall("chat.postMessage", n, c -> root.ts().equals(c.threadTs()));
    }

    FakeSlackApi.Call updateOf(FakeSlackApi.Call message, int n) {
        return SLACK.awaitCall("chat.update", n, c -> message.ts().equals(c.form().get("ts")));
    }

    FakeSlackApi.Call updateOf(FakeSlackApi.Call message) {
        return updateOf(message, 1);
    }

    FakeSlackApi.Call responseContaining(String text) {
        return SLACK.awaitCall("response_url", 1, c -> c.json().get("text").getAsString().contains(text));
    }

    ConversationView restConversation(String id) {
        return new AdvisorClient(http).conversation(id);
    }

    /** The id of the user's conversation in the channel, once the given question message is the one it waits on. */
    String conversationIdOf(String user, String channel, FakeSlackApi.Call question) {
        FakeSlackApi.poll("the link to know the question", () -> links.findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, channel, user)
                .filter(l -> question.ts().equals(l.questionTs())).isPresent());
        return links.findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, channel, user).orElseThrow().conversationId();
    }

    /** The link posted in the channel opens the report, and with its token nothing can be answered, changed or erased. */
    void assertSharedLinkOnlyReads(String reportUrl, String id, String shareToken) {
        String path = reportUrl.substring(PUBLIC_URL.length());
        HttpResponse<String> report = client.get(path);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("id=\"strategy-heading\"", "Why on-premises").doesNotContain(id);
        ConversationView before = restConversation(id);
        assertThat(client.request("POST", "/api/conversations/" + shareToken + "/answers",
                "{\"question\":\"workload\",\"value\":\"training\"}").statusCode()).isEqualTo(404);
        assertThat(client.request("DELETE", "/api/conversations/" + shareToken, null).statusCode()).isEqualTo(404);
        assertThat(client.request("POST", path, "{}").statusCode()).isIn(404, 405);
        assertThat(client.request("DELETE", path.replace("/report.html", ""), null).statusCode()).isIn(404, 405);
        assertThat(restConversation(id)).isEqualTo(before);
    }

    void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    // --- the tests ---

    @Test
    void aWholeConversationBySlashCommandClicksModalAndThreadReplyEndsInTheExplainedRecommendation() {
        String user = "U0ALICE";
        String channel = "C0PLANS";
        HttpResponse<String> ack = client.slash(user, channel, "");
        ok(ack);
        assertThat(ack.body()).isEmpty();

        FakeSlackApi.Call root = SLACK.awaitCall("chat.postMessage", 1, c -> channel.equals(c.channel()) && c.threadTs() == null);
        assertThat(root.blocksText()).contains("<@U0ALICE> asked for advice");
        int posted = 1;
        FakeSlackApi.Call workload = inThread(root, posted);
        assertThat(questionId(workload)).isEqualTo("workload");
        String id = conversationIdOf(user, channel, workload);
        assertThat(conversationRef(workload)).isEqualTo(BlockRef.refOf(id)).isNotEqualTo(id);
        assertThat(workload.form().get("text")).isEqualTo("What will the AI system mainly do?");
        assertThat(elements(workload, "q")).extracting(e -> e.get("type").getAsString()).containsOnly("button");
        assertThat(elements(workload, "q")).extracting(e -> e.get("value").getAsString())
                .containsExactly("inference", "training", "fine-tuning", "mixed", "unknown");
        assertThat(elements(workload, "q")).last().satisfies(e ->
                assertThat(e.getAsJsonObject("text").get("text").getAsString()).isEqualTo("I don't know"));
        assertThat(workload.blocksText()).contains("Question 1 of about");
        assertThat(restConversation(id).status()).isEqualTo("active");

        // a choice: click a button; the message then shows the answer and only a button to change it
        ok(client.interaction(client.click(user, workload, actionFor(workload, "inference"))));
        FakeSlackApi.Call answered = updateOf(workload);
        assertAnswered(answered);
        assertThat(answered.blocksText()).contains("What will the AI system mainly do?").contains("Serve a model (inference)");

        // a number: the button opens a modal; a refused value shows in the modal, a good one answers
        FakeSlackApi.Call modelSize = inThread(root, ++posted);
        assertThat(questionId(modelSize)).isEqualTo("model_size_b");
        assertThat(elements(modelSize, "q")).extracting(e -> e.get("action_id").getAsString())
                .containsExactly(SlackActions.OPEN_INPUT, SlackActions.ANSWER_UNKNOWN);
        ok(client.interaction(client.click(user, modelSize, SlackActions.OPEN_INPUT)));
        FakeSlackApi.Call opened = SLACK.awaitCall("views.open", 1, c -> c.form().get("view").contains(BlockRef.refOf(id)));
        assertThat(opened.form().get("view")).doesNotContain(id);
        JsonObject view = opened.view();
        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.get("callback_id").getAsString()).isEqualTo(SlackActions.MODAL_CALLBACK);
        JsonObject input = view.getAsJsonArray("blocks").get(1).getAsJsonObject();
        assertThat(input.get("block_id").getAsString()).isEqualTo(SlackActions.MODAL_BLOCK);
        assertThat(input.getAsJsonObject("element").get("type").getAsString()).isEqualTo("number_input");
        assertThat(input.getAsJsonObject("element").get("min_value").getAsString()).isEqualTo("0.001");
        assertThat(input.getAsJsonObject("element").get("max_value").getAsString()).isEqualTo("5000");

        HttpResponse<String> refused = client.interaction(client.submit(user, opened, "99999"));
        ok(refused);
        JsonObject errors = JsonParser.parseString(refused.body()).getAsJsonObject();
        assertThat(errors.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(errors.getAsJsonObject("errors").get("answer").getAsString()).contains("out of range");
        assertThat(SLACK.calls("chat.update")).noneMatch(c -> modelSize.ts().equals(c.form().get("ts")));

        HttpResponse<String> taken = client.interaction(client.submit(user, opened, "70"));
        ok(taken);
        assertThat(taken.body()).isEmpty();
        assertThat(updateOf(modelSize).blocksText()).contains("70 billion parameters");

        // a number as a reply in the thread; Slack's retries of that event change nothing
        FakeSlackApi.Call daily = inThread(root, ++posted);
        assertThat(questionId(daily)).isEqualTo("daily_requests");
        FakeSlackApi.poll("the number question to be pending", () -> links.findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, channel, user)
                .filter(l -> daily.ts().equals(l.questionTs())).isPresent());
        JsonObject reply = object("type", "message", "channel", channel, "user", user, "text", "5000",
                "ts", "1700000999.000100", "thread_ts", root.ts(), "channel_type", "channel");
        JsonObject envelope = client.eventEnvelope("Ev0REPLY5000", reply);
        ok(client.event(envelope, null));
        assertThat(updateOf(daily).blocksText()).contains("5,000 requests/day");
        FakeSlackApi.Call tokens = inThread(root, ++posted);
        assertThat(questionId(tokens)).isEqualTo("tokens_per_request");
        int posts = SLACK.calls("chat.postMessage").size();
        int updates = SLACK.calls("chat.update").size();
        ok(client.event(envelope, 1));
        ok(client.event(envelope, 2));
        assertThat(SLACK.calls("chat.postMessage")).hasSize(posts);
        assertThat(SLACK.calls("chat.update")).hasSize(updates);

        // "I don't know" is always offered
        JsonObject dontKnow = client.click(user, tokens, SlackActions.ANSWER_UNKNOWN);
        ok(client.interaction(dontKnow));
        assertThat(updateOf(tokens).blocksText()).contains("I don't know");
        FakeSlackApi.Call current = inThread(root, ++posted);

        // the same interaction again (a replay), and a second click on an answered question: neither acts
        posts = SLACK.calls("chat.postMessage").size();
        updates = SLACK.calls("chat.update").size();
        ok(client.interaction(dontKnow));
        assertThat(SLACK.calls("chat.postMessage")).hasSize(posts);
        assertThat(SLACK.calls("chat.update")).hasSize(updates);
        ok(client.interaction(client.click(user, tokens, SlackActions.ANSWER_UNKNOWN)));
        responseContaining("already been answered");
        assertThat(SLACK.calls("chat.postMessage")).hasSize(posts);
        assertThat(SLACK.calls("chat.update")).hasSize(updates);

        // the rest by clicking
        Map<String, String> preferred = Map.of("data_residency", "on-premises");
        while (isQuestion(current)) {
            String qid = questionId(current);
            String action = preferred.containsKey(qid) ? actionFor(current, preferred.get(qid))
                    : elements(current, "q").stream().anyMatch(e -> e.get("action_id").getAsString().equals("answer_0")) ? "answer_0"
                    : SlackActions.ANSWER_UNKNOWN;
            ok(client.interaction(client.click(user, current, action)));
            assertAnswered(updateOf(current));
            current = inThread(root, ++posted);
            assertThat(posted).as("the flow must end").isLessThan(40);
        }

        // the recommendation, as stored for the REST API too
        FakeSlackApi.Call recommendation = current;
        ConversationView stored = restConversation(id);
        assertThat(stored.status()).isEqualTo("completed");
        RecommendationDocument rec = stored.recommendation();
        assertThat(rec.strategy()).isEqualTo("on-prem");
        assertThat(headerText(recommendation)).isEqualTo("Recommendation: On-premises");
        String shown = recommendation.blocksText();
        assertThat(shown).contains("*Strategy*").contains("*Confidence*\\n" + Math.round(rec.confidence() * 100) + "%")
                .contains("*Why on-premises*", "Your data must stay on premises (your answer: Inside our own facilities only)",
                        "*Recommended accelerator*", "*Top risks*", "*Next step*", "*Readiness:*");
        // the headline comes before the rest
        assertThat(shown.indexOf("*Why on-premises*")).isLessThan(shown.indexOf("*Recommended accelerator*"));
        var recommended = rec.accelerators().get(0);
        assertThat(shown).contains("*" + recommended.count() + " × " + recommended.vendor() + " " + recommended.model() + "*");
        assertThat(rec.accelerators()).isNotEmpty().allSatisfy(a ->
                assertThat(shown).contains(a.count() + " × " + a.vendor() + " " + a.model()));
        List<JsonObject> controls = elements(recommendation, "r");
        assertThat(controls).extracting(e -> e.get("action_id").getAsString())
                .containsExactly(SlackActions.WHY, SlackActions.REPORT, SlackActions.RESTART, SlackActions.CHANGE);
        String shareToken = stored.shareToken();
        String reportUrl = PUBLIC_URL + "/api/shared/" + shareToken + "/report.html";
        assertThat(controls.get(1).get("url").getAsString()).isEqualTo(reportUrl);
        assertSharedLinkOnlyReads(reportUrl, id, shareToken);
        assertThat(controls.get(3).getAsJsonArray("options").toString()).contains("\"value\":\"data_residency\"");

        // Why? posts the reasons once
        ok(client.interaction(client.click(user, recommendation, SlackActions.WHY)));
        FakeSlackApi.Call why = inThread(root, ++posted);
        assertThat(headerText(why)).isEqualTo("Why on-premises?");
        assertThat(why.blocksText()).contains("Data that must stay on premises requires on-prem")
                .contains("Where must your data stay? → *Inside our own facilities only*")
                .contains(reportUrl);
        posts = SLACK.calls("chat.postMessage").size();
        ok(client.interaction(client.click(user, recommendation, SlackActions.WHY)));
        responseContaining("reasons are in this thread");
        assertThat(SLACK.calls("chat.postMessage")).hasSize(posts);

        // change an earlier answer: the question comes again, the advice is worked out again, the old one retired
        ok(client.slash(user, channel, "change data_residency"));
        FakeSlackApi.Call again = inThread(root, ++posted);
        assertThat(questionId(again)).isEqualTo("data_residency");
        assertThat(again.blocksText()).contains("Changing your answer (now: Inside our own facilities only)");
        ok(client.interaction(client.click(user, again, actionFor(again, "none"))));
        assertThat(updateOf(again).blocksText()).contains("No restriction");
        // data may now leave the premises, so the flow asks which cloud is in use before advising again
        FakeSlackApi.Call cloud = inThread(root, ++posted);
        assertThat(questionId(cloud)).isEqualTo("cloud_provider");
        ok(client.interaction(client.click(user, cloud, actionFor(cloud, "aws"))));
        FakeSlackApi.Call newRecommendation = inThread(root, ++posted);
        assertThat(headerText(newRecommendation)).startsWith("Recommendation");
        FakeSlackApi.Call retired = updateOf(recommendation);
        assertThat(retired.hasActions()).isFalse();
        assertThat(retired.blocksText()).contains("Superseded");
        assertThat(restConversation(id).answers()).filteredOn(a -> a.question().equals("data_residency")).singleElement()
                .satisfies(a -> assertThat(a.value()).isEqualTo("none"));

        // start over: a new thread with a new conversation; the old one stays stored.
        // The click that changed the answer is still being handled after its recommendation is posted (the link
        // is saved after the post); wait for that, or the restart below would retire the earlier recommendation.
        FakeSlackApi.poll("the link to know the new recommendation", () -> links
                .findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, channel, user)
                .filter(l -> newRecommendation.ts().equals(l.recommendationTs())).isPresent());

        ok(client.interaction(client.click(user, newRecommendation, SlackActions.RESTART)));
        FakeSlackApi.Call newRoot = SLACK.awaitCall("chat.postMessage", 2, c -> channel.equals(c.channel()) && c.threadTs() == null);
        FakeSlackApi.Call first = inThread(newRoot, 1);
        assertThat(questionId(first)).isEqualTo("workload");
        assertThat(conversationRef(first)).isNotEqualTo(BlockRef.refOf(id));
        assertThat(updateOf(newRecommendation).hasActions()).isFalse();
        FakeSlackApi.poll("the link to follow the new conversation", () -> links
                .findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, channel, user)
                .filter(l -> BlockRef.refOf(l.conversationId()).equals(conversationRef(first)) && newRoot.ts().equals(l.threadTs())).isPresent());
        assertThat(restConversation(id).status()).isEqualTo("completed");
        assertThat(SLACK.calls()).as("nothing the bot sent to Slack names the conversation id")
                .allSatisfy(c -> assertThat(c.form().toString() + c.json()).doesNotContain(id));
    }

    @Test
    void aStrategyChosenByVotesShowsTheVotesAndTheAnswersThatDecidedIt() {
        String user = "U0DAVE";
        String channel = "C0VOTES";
        ok(client.slash(user, channel, ""));
        FakeSlackApi.Call root = SLACK.awaitCall("chat.postMessage", 1, c -> channel.equals(c.channel()) && c.threadTs() == null);
        Map<String, String> preferred = Map.of("workload", "inference", "data_residency", "none", "cloud_provider", "aws",
                "budget", "opex", "ops_skills", "none", "utilization", "bursty");
        int posted = 1;
        FakeSlackApi.Call current = inThread(root, posted);
        String id = conversationIdOf(user, channel, current);
        while (isQuestion(current)) {
            String qid = questionId(current);
            ok(client.interaction(client.click(user, current,
                    preferred.containsKey(qid) ? actionFor(current, preferred.get(qid)) : SlackActions.ANSWER_UNKNOWN)));
            current = inThread(root, ++posted);
            assertThat(posted).as("the flow must end").isLessThan(40);
        }
        RecommendationDocument rec = restConversation(id).recommendation();
        assertThat(rec.summary()).contains("has the most support");
        FakeSlackApi.Call recommendation = current;
        FakeSlackApi.poll("the link to know the recommendation", () -> links
                .findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, channel, user)
                .filter(l -> recommendation.ts().equals(l.recommendationTs())).isPresent());

        // the message itself leads with the deciding reasons, each with the user's own answers
        String shown = recommendation.blocksText();
        assertThat(shown).contains("*Why cloud-first*", "(your answer: Monthly (opex))", "(your answer: No infrastructure team)");
        assertThat(rec.deciding()).hasSizeBetween(3, 5)
                .allSatisfy(d -> assertThat(shown).contains(SlackText.escape(Readable.capitalize(d.reason()))));

        ok(client.interaction(client.click(user, recommendation, SlackActions.WHY)));
        String why = inThread(root, ++posted).blocksText();
        assertThat(why).contains("*Votes that decided it*", "How would you rather pay? → *Monthly (opex)*",
                "What can your operations team run today? → *No infrastructure team*");
        List<String> deciding = rec.strategyReasons().answers();
        assertThat(deciding).contains("budget", "ops_skills")
                .allSatisfy(q -> assertThat(why).contains(SlackText.escape(rec.answers().get(q).label())));
        assertThat(rec.votes()).filteredOn(v -> v.strategy().equals(rec.strategy()))
                .isNotEmpty().allSatisfy(v -> assertThat(why).contains(SlackText.escape(v.reason())));
    }

    @Test
    void aMentionOrADirectMessageStartsAConversationInItsThreadOnceEvenWhenSlackRetries() {
        JsonObject mention = object("type", "app_mention", "channel", "C0TEAM", "user", "U0BOB", "text", "<@U0BOT> hi there",
                "ts", "1700000500.000100");
        JsonObject envelope = client.eventEnvelope("Ev0MENTION", mention);
        ok(client.event(envelope, null));
        ok(client.event(envelope, 1));
        FakeSlackApi.Call question = SLACK.awaitCall("chat.postMessage", 1, c -> "1700000500.000100".equals(c.threadTs()));
        assertThat(questionId(question)).isEqualTo("workload");
        assertThat(SLACK.calls("chat.postMessage")).filteredOn(c -> "C0TEAM".equals(c.channel())).hasSize(1);

        // the bot's own messages and message edits are not commands
        ok(client.event(client.eventEnvelope("Ev0BOTMSG", object("type", "message", "channel", "D0BOB", "bot_id", "B0BOT",
                "text", "hello", "ts", "1700000600.000100", "channel_type", "im")), null));
        JsonObject dm = object("type", "message", "channel", "D0BOB", "user", "U0BOB", "text", "hello",
                "ts", "1700000601.000100", "channel_type", "im");
        ok(client.event(client.eventEnvelope("Ev0DIRECT", dm), null));
        FakeSlackApi.Call dmQuestion = SLACK.awaitCall("chat.postMessage", 1, c -> "D0BOB".equals(c.channel()));
        assertThat(dmQuestion.threadTs()).isEqualTo("1700000601.000100");
        assertThat(conversationRef(dmQuestion)).isNotEqualTo(conversationRef(question));

        // asking again while a conversation is in progress points to it instead of starting another
        ok(client.slash("U0BOB", "C0TEAM", ""));
        responseContaining("You have a conversation in progress");
        assertThat(SLACK.calls("chat.postMessage")).filteredOn(c -> "C0TEAM".equals(c.channel())).hasSize(1);
    }

    @Test
    void nobodyElseCanAnswerSomeonesQuestions() {
        ok(client.slash("U0CAROL", "C0SHARED", ""));
        FakeSlackApi.Call root = SLACK.awaitCall("chat.postMessage", 1, c -> "C0SHARED".equals(c.channel()) && c.threadTs() == null);
        FakeSlackApi.Call question = inThread(root, 1);

        ok(client.interaction(client.click("U0MALLORY", question, "answer_1")));
        responseContaining("belong to another conversation");
        assertThat(SLACK.calls("chat.update")).noneMatch(c -> question.ts().equals(c.form().get("ts")));

        ok(client.interaction(client.click("U0CAROL", question, "answer_1")));
        assertThat(updateOf(question).blocksText()).contains("Train models from scratch");
        JsonArray blocks = inThread(root, 2).blocks();
        assertThat(blocks.toString()).contains("How large is the largest model");
    }
}
