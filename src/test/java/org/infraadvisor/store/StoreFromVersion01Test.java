package org.infraadvisor.store;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.Documents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written by 0.1.0 ({@code fixtures/v0.1-store.sql}, an H2 SCRIPT dump: four completed conversations and
 * an active one) is loaded into a fresh H2 file; the current service starts on it, Flyway carries the stored
 * recommendations over into advice snapshots, and every conversation reads back through the API as 0.1 stored it.
 */
class StoreFromVersion01Test {

    static final String BENCH = "-mZaf6LL3wadrJo57cXt_65jEiU";
    static final String ACTIVE = "4yWHLGcWu3Mf76lt6NsDEcs6b_g";
    static final String ALL_UNKNOWN = "LqDaRS4csHx10_VNIC35q4mHDZY";
    static final String TRAINING = "fpp6VVbWSZoD66jLOlbt9Np7rKg";
    static final String AZURE = "Q4ubYzRLiK_evlYp_ZGY_bkl_8k";

    String url;
    Map<String, Map<String, Object>> storedAnswers;

    /** Each test gets its own copy of the old database. */
    @BeforeEach
    void loadTheOldDatabase() throws SQLException {
        url = "jdbc:h2:file:" + Path.of("target/test-data/v01-" + UUID.randomUUID()).toAbsolutePath() + ";WRITE_DELAY=0";
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement s = db.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + Path.of("src/test/resources/fixtures/v0.1-store.sql").toAbsolutePath() + "'");
            storedAnswers = answers(s);
        }
        assertThat(storedAnswers).hasSize(5);
    }

    /** The answers 0.1 stored, by conversation, as the JSON values it wrote. */
    static Map<String, Map<String, Object>> answers(Statement s) throws SQLException {
        Map<String, Map<String, Object>> byConversation = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("select conversation_id, question, value_json from answer order by id")) {
            while (rs.next()) {
                byConversation.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), Api.read(rs.getString(3)));
            }
        }
        return byConversation;
    }

    EmbeddedServer start(String... environments) {
        List<String> envs = new ArrayList<>(List.of("test"));
        envs.addAll(List.of(environments));
        return ApplicationContext.run(EmbeddedServer.class,
                Map.of("datasources.default.url", url, "micronaut.server.port", -1), envs.toArray(String[]::new));
    }

    @Test
    void everyConversationOf01ReadsBackAsItWasStored() throws SQLException {
        try (EmbeddedServer server = start()) {
            Api api = new Api(server.getURL().toString());
            expect(api, BENCH, "on-prem", "H100 SXM", 22);
            expect(api, ALL_UNKNOWN, "cloud-first", "H100 SXM", 2);
            expect(api, TRAINING, "on-prem", "H100 SXM", 576);
            expect(api, AZURE, "cloud-first", "H100 SXM", 36);

            ConversationView active = api.conversation(ACTIVE);
            assertThat(active.status()).isEqualTo("active");

            // every conversation of 0.1 got a read-only share token of its own in migration V9, and its link works
            List<String> tokens = new ArrayList<>();
            for (String id : List.of(BENCH, ACTIVE, ALL_UNKNOWN, TRAINING, AZURE)) {
                String token = api.conversation(id).shareToken();
                assertThat(token).as(id).matches("[A-Za-z0-9_-]{27}").isNotEqualTo(id);
                tokens.add(token);
            }
            assertThat(tokens).doesNotHaveDuplicates();
            assertThat(api.get("/api/shared/" + tokens.get(0) + "/report.md").status()).isEqualTo(200);
            assertThat(active.recommendation()).isNull();
            assertThat(Api.answers(active)).isEqualTo(storedAnswers.get(ACTIVE));

            // the stored strategy of a vote-based recommendation keeps its deciding votes and answers
            RecommendationDocument bench = rec(api.conversation(BENCH));
            assertThat(bench.strategyReasons().answers()).contains("utilization");
            assertThat(bench.votes()).anySatisfy(v -> {
                assertThat(v.strategy()).isEqualTo("on-prem");
                assertThat(v.points()).isEqualTo(3);
            });
        }
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select count(*), min(advice_format), max(advice_format) from recommendation")) {
            rs.next();
            assertThat(rs.getInt(1)).as("every stored recommendation is carried over").isEqualTo(4);
            assertThat(rs.getInt(2)).isEqualTo(AdviceSnapshotCodec.FORMAT);
            assertThat(rs.getInt(3)).isEqualTo(AdviceSnapshotCodec.FORMAT);
        }
    }

    @Test
    void anActiveConversationOf01CanBeAnsweredToTheEnd() {
        try (EmbeddedServer server = start()) {
            Api api = new Api(server.getURL().toString());
            ConversationView done = api.complete(ACTIVE, Map.of("latency", "interactive", "utilization", "steady"));
            assertThat(done.status()).isEqualTo("completed");
            assertThat(rec(done).strategy()).isNotNull();
            assertThat(Api.answers(done)).containsAllEntriesOf(storedAnswers.get(ACTIVE));
            assertThat(Api.answers(api.conversation(ACTIVE))).isEqualTo(Api.answers(done));
        }
    }

    /**
     * Migration V11 moves share tokens out of the conversation's row into a table of their own: each conversation
     * keeps the token it had (links handed out before keep working), and a token turned off or renewed afterwards
     * stops working.
     */
    @Test
    void shareTokensKeepTheirValuesWhenTheyMoveToTheirOwnTable() throws SQLException {
        Map<String, Object> upToV10 = new LinkedHashMap<>(Map.of("datasources.default.url", url, "micronaut.server.port", -1,
                "flyway.datasources.default.target", "10"));
        try (EmbeddedServer ignored = ApplicationContext.run(EmbeddedServer.class, upToV10, "test")) {
            // the schema of V10: the tokens V9 gave the conversations of 0.1 are in the conversation's row
        }
        Map<String, String> before = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select id, share_token from conversation")) {
            while (rs.next()) {
                before.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(before).hasSize(5).doesNotContainValue(null);
        try (EmbeddedServer server = start()) {
            Api api = new Api(server.getURL().toString());
            before.forEach((id, token) -> {
                assertThat(api.conversation(id).shareToken()).as(id).isEqualTo(token);
                assertThat(api.get("/api/shared/" + token).status()).as(id).isEqualTo(200);
            });
            String renewed = api.post("/api/conversations/" + BENCH + "/share", "").body();
            assertThat(api.get("/api/shared/" + before.get(BENCH)).status()).isEqualTo(404);
            assertThat(api.conversation(BENCH).shareToken()).isNotEqualTo(before.get(BENCH));
            assertThat(renewed).contains(api.conversation(BENCH).shareToken());
        }
    }

    /** The conversation reads back completed, with the strategy and top accelerator 0.1 stored and the answers intact. */
    ConversationView expect(Api api, String id, String strategy, String topModel, int topCount) {
        ConversationView c = api.conversation(id);
        assertThat(c.status()).as(id).isEqualTo("completed");
        assertThat(Api.answers(c)).as("answers of %s", id).isEqualTo(storedAnswers.get(id));
        RecommendationDocument rec = rec(c);
        assertThat(rec.strategy()).as(id).isEqualTo(strategy);
        RecommendationDocument.AcceleratorAdvice top = rec.accelerators().get(0);
        assertThat(top.model()).as(id).isEqualTo(topModel);
        assertThat(top.count()).as(id).isEqualTo(topCount);
        Documents.assertEveryReferenceResolves(rec);
        return c;
    }

    static RecommendationDocument rec(ConversationView conversation) {
        assertThat(conversation.recommendation()).as("recommendation of %s", conversation.id()).isNotNull();
        return conversation.recommendation();
    }
}
