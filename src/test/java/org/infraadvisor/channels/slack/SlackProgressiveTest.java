package org.infraadvisor.channels.slack;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.engine.RuleSetHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.channels.slack.SlackConversationTest.elements;
import static org.infraadvisor.channels.slack.SlackConversationTest.isQuestion;
import static org.infraadvisor.channels.slack.SlackConversationTest.questionId;

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
        assertThat(client.slash("U0DANA", "C0ORDER", "").statusCode()).isEqualTo(200);
        FakeSlackApi.Call root = slack.awaitCall("chat.postMessage", 1, c -> "C0ORDER".equals(c.channel()) && c.threadTs() == null);
        FakeSlackApi.Call current = slack.awaitCall("chat.postMessage", 1, c -> root.ts().equals(c.threadTs()));
        FakeSlackApi.Call first = current;
        FakeSlackApi.poll("the link to the conversation", () -> links.findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, "C0ORDER", "U0DANA")
                .filter(l -> first.ts().equals(l.questionTs())).isPresent());
        String id = links.findByTeamIdAndChannelIdAndUserId(SlackTestClient.TEAM, "C0ORDER", "U0DANA").orElseThrow().conversationId();
        List<String> asked = new ArrayList<>();
        for (int posted = 1; isQuestion(current); ) {
            ConversationView view = http.toBlocking().retrieve(HttpRequest.GET("/api/conversations/" + id), ConversationView.class);
            assertThat(questionId(current)).as("after %s", asked).isEqualTo(view.question().id());
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
        List<String> fileOrder = rules.current().flow("infra-strategy").orElseThrow().questions().stream().map(q -> q.id()).toList();
        assertThat(asked).as("the advisor's order, not the file's").isNotEqualTo(asked.stream()
                .sorted(java.util.Comparator.comparingInt(fileOrder::indexOf)).toList());
    }
}
