package org.infraadvisor.store;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.infraadvisor.testsupport.Api;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
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
    @SuppressWarnings("unchecked")
    void storedConversationsReadBackAfterTheDocumentChanges() throws Exception {
        String url = "jdbc:h2:file:" + Path.of("target/test-data/document-change-" + UUID.randomUUID()).toAbsolutePath();
        Map<String, Object> config = Map.of("datasources.default.url", url, "micronaut.server.port", -1);
        Map<String, Object> answers = (Map<String, Object>) ((Map<String, Object>) Api.read(Files.readString(Path.of("bench/answers.json")))).get("answers");
        String id;
        Map<String, Object> before;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test")) {
            Api api = new Api(server.getURL().toString());
            id = (String) api.start().get("id");
            before = api.complete(id, answers);
        }
        String stored = snapshot(url, id);

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test", ChangedDocumentMapper.ENVIRONMENT)) {
            Map<String, Object> after = new Api(server.getURL().toString()).conversation(id);
            assertThat(Api.answers(after)).isEqualTo(Api.answers(before));
            Map<String, Object> was = (Map<String, Object>) before.get("recommendation");
            Map<String, Object> now = (Map<String, Object>) after.get("recommendation");
            for (String field : new String[]{"strategy", "confidence", "summary", "accelerators", "costs", "risks", "votes", "answers"}) {
                assertThat(now.get(field)).as(field).isEqualTo(was.get(field));
            }
            Map<String, Map<String, Object>> rulesWere = (Map<String, Map<String, Object>>) was.get("rules");
            Map<String, Map<String, Object>> rulesNow = (Map<String, Map<String, Object>>) now.get("rules");
            assertThat(rulesNow.keySet()).isEqualTo(rulesWere.keySet()).isNotEmpty();
            rulesNow.forEach((rule, text) -> assertThat(text.get("name"))
                    .isEqualTo(((String) rulesWere.get(rule).get("name")).toUpperCase(Locale.ROOT)));
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
