package org.infraadvisor.store;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.Samples;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store keeps its own format, not the API document: after the document mapper changes (a later version of the
 * API), conversations stored before read back in the new document, and the stored rows are untouched.
 */
class ApiDocumentChangeTest {

    @Test
    void storedConversationsReadBackAfterTheDocumentChanges() throws Exception {
        String url = "jdbc:h2:file:" + Path.of("target/test-data/document-change-" + UUID.randomUUID()).toAbsolutePath();
        Map<String, Object> config = Map.of("datasources.default.url", url, "micronaut.server.port", -1);
        String id;
        ConversationView before;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test")) {
            Api api = new Api(server.getURL().toString());
            id = api.start().id();
            before = api.complete(id, Samples.benchAnswers());
        }
        String stored = snapshot(url, id);

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test", ChangedDocumentMapper.ENVIRONMENT)) {
            ConversationView after = new Api(server.getURL().toString()).conversation(id);
            assertThat(Api.answers(after)).isEqualTo(Api.answers(before));
            RecommendationDocument was = before.recommendation();
            RecommendationDocument now = after.recommendation();
            assertThat(now).usingRecursiveComparison()
                    .comparingOnlyFields("strategy", "confidence", "summary", "accelerators", "costs", "risks", "votes", "answers")
                    .isEqualTo(was);
            assertThat(now.rules().keySet()).isEqualTo(was.rules().keySet()).isNotEmpty();
            now.rules().forEach((rule, text) -> assertThat(text.name())
                    .isEqualTo(was.rules().get(rule).name().toUpperCase(Locale.ROOT)));
        }
        assertThat(snapshot(url, id)).as("reading with another document changes nothing stored").isEqualTo(stored);
        assertThat(stored).doesNotContain("\"recommendation\"", "\"explanation\"");
    }

    private static String snapshot(String url, String id) throws Exception {
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             PreparedStatement s = db.prepareStatement("select advice_json from recommendation where conversation_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
