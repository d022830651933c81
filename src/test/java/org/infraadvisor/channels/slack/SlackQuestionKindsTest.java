package org.infraadvisor.channels.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.infraadvisor.channels.slack.SlackConversationTest.elements;
import static org.infraadvisor.channels.slack.SlackConversationTest.questionId;
import static org.infraadvisor.channels.slack.SlackTestClient.object;

/**
 * The kinds of question the main flow does not use yet, answered in Slack: several choices (checkboxes and a
 * submit button, read from the message state), yes/no buttons, and free text in a modal. Runs a flow written
 * for the test.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackQuestionKindsTest implements TestPropertyProvider {

    static final FakeSlackApi SLACK = FakeSlackApi.start();
    static final String FLOW = """
            id: slack-kinds
            title: Every kind of question
            description: A flow for testing how each kind of question is asked in Slack.
            questions:
              - id: regions
                text: Where are your users?
                type: multi
                options:
                  - { value: eu, label: Europe }
                  - { value: us, label: Americas }
                  - { value: apac, label: Asia-Pacific }
              - id: gpus_today
                text: Do you run GPUs today?
                type: boolean
              - id: notes
                text: Anything else we should know?
                type: text
                maxLength: 200
            """;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path flows = Files.createDirectories(Path.of("target", "slack-test-flows"));
            Files.writeString(flows.resolve("slack-kinds.yaml"), FLOW);
            return SLACK.serviceProperties("advisor.slack.flow", "slack-kinds",
                    "advisor.conversations.dir", flows.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopFakeSlack() {
        SLACK.close();
    }

    static JsonObject ticked(String pickBlockId, String... chosen) {
        JsonArray options = new JsonArray();
        for (String v : chosen) {
            JsonObject option = object("value", v);
            option.add("text", object("type", "plain_text", "text", v));
            options.add(option);
        }
        JsonObject value = object("type", "checkboxes");
        value.add("selected_options", options);
        JsonObject picker = new JsonObject();
        picker.add(SlackActions.MULTI_PICK, value);
        JsonObject values = new JsonObject();
        values.add(pickBlockId, picker);
        JsonObject state = new JsonObject();
        state.add("values", values);
        return state;
    }

    @Test
    void multipleChoiceYesNoAndTextQuestionsAreAnsweredInSlack() {
        SlackTestClient client = new SlackTestClient(server.getURI(), SLACK);
        String user = "U0DANA";
        assertThat(client.slash(user, "C0KINDS", "").statusCode()).isEqualTo(200);
        FakeSlackApi.Call root = SLACK.awaitCall("chat.postMessage", 1, c -> c.threadTs() == null);
        assertThat(root.blocksText()).contains("Every kind of question");

        FakeSlackApi.Call regions = SLACK.awaitCall("chat.postMessage", 1, c -> root.ts().equals(c.threadTs()));
        assertThat(questionId(regions)).isEqualTo("regions");
        List<JsonObject> picker = elements(regions, "p");
        assertThat(picker).singleElement().satisfies(p -> {
            assertThat(p.get("type").getAsString()).isEqualTo("checkboxes");
            assertThat(p.getAsJsonArray("options").toString()).contains("\"value\":\"eu\"").contains("\"value\":\"apac\"");
        });
        assertThat(elements(regions, "q")).extracting(e -> e.get("action_id").getAsString())
                .containsExactly(SlackActions.MULTI_SUBMIT, SlackActions.ANSWER_UNKNOWN);
        String pickBlock = SlackConversationTest.actionsBlock(regions, "p").get("block_id").getAsString();

        // ticking a box answers nothing; submitting with nothing ticked is refused and can be done again
        assertThat(client.interaction(client.click(user, regions, SlackActions.MULTI_SUBMIT, new JsonObject(), ticked(pickBlock))).statusCode())
                .isEqualTo(200);
        SLACK.awaitCall("response_url", 1, c -> c.json().get("text").getAsString().contains("needs at least one option"));
        assertThat(client.interaction(client.click(user, regions, SlackActions.MULTI_SUBMIT, new JsonObject(), ticked(pickBlock, "eu", "apac")))
                .statusCode()).isEqualTo(200);
        FakeSlackApi.Call answered = SLACK.awaitCall("chat.update", 1, c -> regions.ts().equals(c.form().get("ts")));
        assertThat(answered.blocksText()).contains("Europe, Asia-Pacific");
        SlackConversationTest.assertAnswered(answered);

        FakeSlackApi.Call gpus = SLACK.awaitCall("chat.postMessage", 2, c -> root.ts().equals(c.threadTs()));
        assertThat(questionId(gpus)).isEqualTo("gpus_today");
        assertThat(elements(gpus, "q")).extracting(e -> e.get("value").getAsString()).containsExactly("yes", "no", "unknown");
        client.interaction(client.click(user, gpus, "answer_yes"));
        assertThat(SLACK.awaitCall("chat.update", 1, c -> gpus.ts().equals(c.form().get("ts"))).blocksText()).contains(":white_check_mark: Yes");

        FakeSlackApi.Call notes = SLACK.awaitCall("chat.postMessage", 3, c -> root.ts().equals(c.threadTs()));
        assertThat(questionId(notes)).isEqualTo("notes");
        client.interaction(client.click(user, notes, SlackActions.OPEN_INPUT));
        FakeSlackApi.Call opened = SLACK.awaitCall("views.open", 1, c -> true);
        JsonObject element = opened.view().getAsJsonArray("blocks").get(1).getAsJsonObject().getAsJsonObject("element");
        assertThat(element.get("type").getAsString()).isEqualTo("plain_text_input");
        assertThat(element.get("max_length").getAsInt()).isEqualTo(200);
        assertThat(client.interaction(client.submit(user, opened, "We are <b>regulated</b> & audited")).body()).isEmpty();
        FakeSlackApi.Call noted = SLACK.awaitCall("chat.update", 1, c -> notes.ts().equals(c.form().get("ts")));
        assertThat(noted.blocksText()).contains("We are &lt;b&gt;regulated&lt;/b&gt; &amp; audited");

        FakeSlackApi.Call recommendation = SLACK.awaitCall("chat.postMessage", 4, c -> root.ts().equals(c.threadTs()));
        assertThat(SlackConversationTest.headerText(recommendation)).startsWith("Recommendation");
        assertThat(elements(recommendation, "r")).extracting(e -> e.get("action_id").getAsString()).contains(SlackActions.WHY);
    }
}
