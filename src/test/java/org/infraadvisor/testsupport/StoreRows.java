package org.infraadvisor.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: reads and changes store rows with plain JDBC, beside the service. */
public final class StoreRows {

    /** Every table that holds something of a conversation, with the column naming it. */
    public static final Map<String, String> TABLES = Map.of("conversation", "id", "answer", "conversation_id",
            "recommendation", "conversation_id");

    private StoreRows() {
    }

    /** How many rows each table holds for the conversation. */
    public static Map<String, Integer> rowsOf(DataSource ds, String conversationId) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            for (String table : List.of("conversation", "answer", "recommendation")) {
                try (PreparedStatement s = c.prepareStatement("select count(*) from " + table + " where " + TABLES.get(table) + " = ?")) {
                    s.setString(1, conversationId);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        counts.put(table, r.getInt(1));
                    }
                }
            }
        }
        return counts;
    }

    /** Pretends the conversation was last touched at {@code when}. */
    public static void touch(DataSource ds, String conversationId, Instant when) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("update conversation set updated_at = ? where id = ?")) {
            s.setTimestamp(1, Timestamp.from(when));
            s.setString(2, conversationId);
            if (s.executeUpdate() != 1) {
                throw new AssertionError("no conversation " + conversationId);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
