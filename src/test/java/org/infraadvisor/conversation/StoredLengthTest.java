package org.infraadvisor.conversation;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.LogCapture;
import org.infraadvisor.testsupport.TestFolders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers that the dialogue accepts must also fit where they are stored. A text answer within the question's limit
 * of 2,000 characters can still take far more room as JSON (a control character is written as {@code \u0001});
 * such an answer gets a 422 that names the question and changes nothing, never a 500, and no log line holds the
 * conversation id.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredLengthTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    Api api;

    @Override
    public @NonNull Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>();
        TestFolders.properties("notes-test").forEach((k, v) -> props.put(k, String.valueOf(v)));
        return props;
    }

    @BeforeEach
    void client() {
        api = new Api(server.getURI());
    }

    String start() {
        Api.Response r = api.post("/api/conversations", Map.of("flow", "notes-test"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.as(ConversationView.class).id();
    }

    void assertRefusedAndUnchanged(String id, String value) {
        ConversationView before = api.conversation(id);
        Api.Response r = api.answer(id, "notes", value);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.problem().detail()).contains("'notes'").contains("too long").contains("10,000");
        assertThat(api.conversation(id)).isEqualTo(before);
    }

    @Test
    void controlCharactersThatOverflowTheStoreAreRefusedNamingTheQuestion() {
        String id = start();
        List<ILoggingEvent> events;
        try (LogCapture logs = new LogCapture()) {
            assertRefusedAndUnchanged(id, "a" + "\u0001".repeat(1998) + "z");
            assertRefusedAndUnchanged(id, "a" + "\u0007\u001b".repeat(999) + "z");
            events = logs.events();
        }
        assertThat(events).allSatisfy(e -> assertThat(LogCapture.fullText(e)).doesNotContain(id));
    }

    @Test
    void aThousandEmojiAreStoredOrRefusedButNeverAServerError() {
        String id = start();
        String emoji = "\uD83D\uDE80".repeat(1000);
        Api.Response r = api.answer(id, "notes", emoji);
        assertThat(r.status()).as(r.toString()).isIn(200, 422);
        if (r.status() == 200) {
            ConversationView view = api.conversation(id);
            assertThat(view).isEqualTo(r.as(ConversationView.class));
            assertThat(view.answers()).extracting(ConversationView.AnswerView::value).contains(emoji);
        }
    }

    @Test
    void theLongestTextThatFitsIsStoredAndReadBack() {
        String id = start();
        String longest = "x".repeat(2000);
        Api.Response r = api.answer(id, "notes", longest);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(api.conversation(id).answers()).singleElement().satisfies(a -> assertThat(a.value()).isEqualTo(longest));
    }
}
