package org.infraadvisor.channels.slack;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.engine.RuleSetHolder;
import org.infraadvisor.testsupport.PreviewLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.channels.slack.SlackConversationTest.actionsBlock;
import static org.infraadvisor.channels.slack.SlackConversationTest.elements;
import static org.infraadvisor.channels.slack.SlackConversationTest.isQuestion;
import static org.infraadvisor.channels.slack.SlackConversationTest.questionId;
import static org.infraadvisor.format.Readable.REFINEMENT;

/** With progressive advice on (the default), Slack asks what the service asks next: the most decisive question. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackProgressiveTest implements TestPropertyProvider {

    final FakeSlackApi slack = FakeSlackApi.start();

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    RuleSetHolder rules;
    @Inject
    SlackLinkRepository links;

    @Override
    public Map<String, String> getProperties() {
        return slack.serviceProperties("advisor.public-url", "https://advisor.example.test");
    }

    @AfterAll
    void stopFakeSlack() {
        slack.close();
    }

    @Test
    void eachQuestionPostedIsTheOneTheServiceAsksNext() {
        SlackTestClient client = new SlackTestClient(server.getURI(), slack);
        Started started = start(client, "U0DANA", "C0ORDER");
        FakeSlackApi.Call root = started.root();
        FakeSlackApi.Call current = started.question();
        String id = started.conversationId();
        List<String> asked = new ArrayList<>();
        int refinements = 0;
        for (int posted = 1; isQuestion(current); ) {
            ConversationView view = http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id), ConversationView.class);
            assertThat(questionId(current)).as("after %s", asked).isEqualTo(view.question().id());
            assertThat(contextTexts(current).contains("_" + REFINEMENT + "_")).as("refinement label after %s", asked)
                    .isEqualTo(view.question().refinement());
            refinements += view.question().refinement() ? 1 : 0;
            asked.add(questionId(current));
            String action = elements(current, "q").stream().anyMatch(e -> e.get("action_id").getAsString().equals("answer_1"))
                    ? "answer_1" : SlackActions.ANSWER_UNKNOWN;
            assertThat(client.interaction(client.click("U0DANA", current, action)).statusCode()).isEqualTo(200);
            int n = ++posted;
            current = slack.awaitCall("chat.postMessage", n, c -> root.ts().equals(c.threadTs()));
            assertThat(posted).as("the flow must end").isLessThan(40);
        }
        ConversationView done = http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id), ConversationView.class);
        assertThat(done.status()).isEqualTo("completed");
        assertThat(asked).first().isEqualTo("workload");
        assertThat(refinements).as("the last questions cannot change the headline any more").isPositive();
        List<String> fileOrder = rules.current().flow("infra-strategy").orElseThrow().questions().stream().map(q -> q.id()).toList();
        assertThat(asked).as("the advisor's order, not the file's").isNotEqualTo(asked.stream()
                .sorted(java.util.Comparator.comparingInt(fileOrder::indexOf)).toList());
    }

    @Test
    void theQuestionShowsTheAdviceSoFarAndFinishNowPostsTheRecommendation() {
        SlackTestClient client = new SlackTestClient(server.getURI(), slack);
        Started started = start(client, "U0ERIN", "C0EARLY");
        FakeSlackApi.Call root = started.root();
        FakeSlackApi.Call current = started.question();
        String id = started.conversationId();
        assertThat(contextTexts(current)).as("nothing so far before the first answer").noneMatch(t -> t.startsWith("So far"));
        assertThat(actionsBlock(current, "f")).as("no Finish now before the first answer").isNull();

        int posted = 1;
        for (int answered = 0; answered < 3; answered++) {
            assertThat(client.interaction(client.click("U0ERIN", current, firstAnswer(current))).statusCode()).isEqualTo(200);
            int n = ++posted;
            current = slack.awaitCall("chat.postMessage", n, c -> root.ts().equals(c.threadTs()));
            ConversationView view = http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id), ConversationView.class);
            JsonObject top = current.blocks().get(0).getAsJsonObject();
            assertThat(top.get("type").getAsString()).as("the line above the question").isEqualTo("context");
            assertThat(top.getAsJsonArray("elements").get(0).getAsJsonObject().get("text").getAsString())
                    .isEqualTo(PreviewLine.expected(view.preview())).matches(PreviewLine.PATTERN);
            assertThat(elements(current, "f")).extracting(e -> e.get("action_id").getAsString()).containsExactly(SlackActions.FINISH);
        }
        String open = questionId(current);

        assertThat(client.interaction(client.click("U0ERIN", current, SlackActions.FINISH)).statusCode()).isEqualTo(200);

        FakeSlackApi.Call question = current;
        FakeSlackApi.Call retired = slack.awaitCall("chat.update", 1, c -> question.ts().equals(c.form().get("ts")));
        assertThat(elements(retired, "c")).as("a question left open takes no answer, only a button that asks it again")
                .extracting(e -> e.get("action_id").getAsString()).containsExactly(SlackActions.CHANGE_ONE);
        assertThat(retired.blocksText()).contains("Left open");
        FakeSlackApi.Call advice = slack.awaitCall("chat.postMessage", posted + 1, c -> root.ts().equals(c.threadTs()));
        ConversationView done = http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id), ConversationView.class);
        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.answers()).hasSize(3);
        assertThat(done.leftOpen()).extracting(ConversationView.LeftOpen::id).contains(open);
        assertThat(isQuestion(advice)).isFalse();
        assertThat(advice.form().get("text")).isEqualTo("Recommendation: "
                + PreviewLine.STRATEGY_NAMES.getOrDefault(done.recommendation().strategy(), "none"));
        FakeSlackApi.poll("the link records the recommendation", () -> links.findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, "C0EARLY", "U0ERIN")
                .filter(l -> advice.ts().equals(l.recommendationTs()) && l.questionTs() == null).isPresent());

        // the question left open can still be answered: its "Answer it now" button asks it again and reopens the advice
        assertThat(client.interaction(client.click("U0ERIN", retired, SlackActions.CHANGE_ONE)).statusCode()).isEqualTo(200);
        FakeSlackApi.Call again = slack.awaitCall("chat.postMessage", posted + 2, c -> root.ts().equals(c.threadTs()));
        assertThat(questionId(again)).isEqualTo(open);
        assertThat(client.interaction(client.click("U0ERIN", again, firstAnswer(again))).statusCode()).isEqualTo(200);
        FakeSlackApi.poll("the conversation reopens", () -> http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id),
                ConversationView.class).answers().size() == 4);
    }

    /** A conversation started with the slash command: the thread's root, its first question, the conversation's id. */
    record Started(FakeSlackApi.Call root, FakeSlackApi.Call question, String conversationId) {
    }

    Started start(SlackTestClient client, String user, String channel) {
        assertThat(client.slash(user, channel, "").statusCode()).isEqualTo(200);
        FakeSlackApi.Call root = slack.awaitCall("chat.postMessage", 1, c -> channel.equals(c.channel()) && c.threadTs() == null);
        FakeSlackApi.Call first = slack.awaitCall("chat.postMessage", 1, c -> root.ts().equals(c.threadTs()));
        FakeSlackApi.poll("the link to the conversation", () -> links.findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, channel, user)
                .filter(l -> first.ts().equals(l.questionTs())).isPresent());
        return new Started(root, first, links.findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, channel, user).orElseThrow().conversationId());
    }

    static String firstAnswer(FakeSlackApi.Call question) {
        return elements(question, "q").stream().map(e -> e.get("action_id").getAsString())
                .filter(a -> a.equals("answer_1") || a.equals("answer_yes")).findFirst().orElse(SlackActions.ANSWER_UNKNOWN);
    }

    /** The texts of a message's context blocks. */
    static List<String> contextTexts(FakeSlackApi.Call message) {
        List<String> texts = new ArrayList<>();
        for (JsonElement b : message.blocks()) {
            JsonObject block = b.getAsJsonObject();
            if (block.get("type").getAsString().equals("context")) {
                block.getAsJsonArray("elements").forEach(e -> texts.add(e.getAsJsonObject().get("text").getAsString()));
            }
        }
        return texts;
    }
}
