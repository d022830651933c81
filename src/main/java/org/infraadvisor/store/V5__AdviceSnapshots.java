package org.infraadvisor.store;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.conversation.Ids;
import org.infraadvisor.engine.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries the advice stored by 0.1 (the API document, in {@code body_json}) over into snapshots of the store's own
 * format ({@code advice_json}, {@link AdviceSnapshotCodec#FORMAT}), then drops the old column. A row that cannot be
 * read is deleted: the service works the advice out again from the conversation's answers when it is read.
 */
class V5__AdviceSnapshots extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V5__AdviceSnapshots.class);

    private final JsonMapper json;
    private final AnswerCodec answers;
    private final AdviceSnapshotCodec snapshots;
    private final Supplier<RuleSet> serving;

    /** @param serving the serving rules (waited for only when there are rows to carry over) */
    V5__AdviceSnapshots(JsonMapper json, AnswerCodec answers, AdviceSnapshotCodec snapshots, Supplier<RuleSet> serving) {
        this.json = json;
        this.answers = answers;
        this.snapshots = snapshots;
        this.serving = serving;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        List<String[]> rows = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select conversation_id, rules_version, body_json from recommendation")) {
            while (rs.next()) {
                rows.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        if (!rows.isEmpty()) {
            V01Document reader = new V01Document(serving.get().rules());
            int carried = 0;
            for (String[] row : rows) {
                carried += carryOver(db, reader, row[0], row[1], row[2]) ? 1 : 0;
            }
            LOG.info("Carried {} of {} stored recommendations over into advice snapshots (format {})", carried, rows.size(),
                    AdviceSnapshotCodec.FORMAT);
        }
        try (Statement s = db.createStatement()) {
            s.execute("alter table recommendation drop column body_json");
            s.execute("alter table recommendation alter column advice_format set not null");
            s.execute("alter table recommendation alter column advice_json set not null");
        }
    }

    private boolean carryOver(Connection db, V01Document reader, String id, String rulesVersion, String body) throws SQLException {
        String snapshot;
        try {
            Advice advice = reader.read(json.readValue(body, JsonNode.class), rulesVersion, answersOf(db, id));
            snapshot = snapshots.write(advice);
        } catch (Exception e) {
            LOG.warn("Stored recommendation of conversation {} could not be read ({}); it will be worked out again when read",
                    Ids.logRef(id), e.toString());
            try (PreparedStatement delete = db.prepareStatement("delete from recommendation where conversation_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            return false;
        }
        try (PreparedStatement update = db.prepareStatement(
                "update recommendation set advice_format = ?, advice_json = ? where conversation_id = ?")) {
            update.setInt(1, AdviceSnapshotCodec.FORMAT);
            update.setString(2, snapshot);
            update.setString(3, id);
            update.executeUpdate();
        }
        return true;
    }

    private Map<String, Object> answersOf(Connection db, String id) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        try (PreparedStatement s = db.prepareStatement(
                "select question, value_json from answer where conversation_id = ? order by answered_at")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), answers.read(rs.getString(2)));
                }
            }
        }
        return values;
    }
}
