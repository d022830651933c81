package org.infraadvisor.store;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four statements of every conversation turn (read the conversation, read its answers, the versioned update,
 * insert the answer), and the advice snapshot a completing turn writes, as plain SQL on the transaction's
 * connection. Through the generated repositories each of them cost about as much CPU in Micronaut Data's query
 * preparation, parameter binding by introspection and row mapping as in the database itself (JFR of the load
 * benchmark's {@code conversation} phase; docs/benchmarks.md, section 2). The SQL is what the repositories
 * generate, valid on H2 and PostgreSQL alike; timestamps go in and out as UTC {@link OffsetDateTime}s, so the
 * instant stored is the instant given whichever way a row was written.
 */
@Singleton
class TurnStatements {

    /** A conversation with its share token (null while sharing is off), which lives in a table of its own. */
    record ConversationRow(ConversationRecord conversation, String shareToken) {
    }

    private static final String SELECT_CONVERSATION = "select c.id, c.flow, c.status, c.channel, c.created_at, c.updated_at, "
            + "c.version, s.share_token from conversation c left join conversation_share s on s.conversation_id = c.id ";

    private final JdbcOperations jdbc;

    TurnStatements(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConversationRow> findConversation(String id) {
        return findOne(SELECT_CONVERSATION + "where c.id = ?", id);
    }

    /** The conversation a read-only share link points at. */
    Optional<ConversationRow> findByShareToken(String shareToken) {
        return findOne(SELECT_CONVERSATION + "where s.share_token = ?", shareToken);
    }

    private Optional<ConversationRow> findOne(String sql, String key) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ConversationRow(conversation(rs), rs.getString(8))) : Optional.<ConversationRow>empty();
            }
        });
    }

    /** The conversation's answers, oldest first. */
    List<AnswerRecord> answers(String conversationId) {
        return jdbc.prepareStatement("select id, question, value_json, answered_at from answer where conversation_id = ? order by answered_at", ps -> {
            ps.setString(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                List<AnswerRecord> answers = new ArrayList<>();
                while (rs.next()) {
                    answers.add(new AnswerRecord(rs.getLong(1), conversationId, rs.getString(2), rs.getString(3), instant(rs, 4)));
                }
                return answers;
            }
        });
    }

    /**
     * Writes the conversation if its version is still the one read, and returns it with the next version; an
     * optimistic-lock error (as the repository's versioned update throws) when another turn changed it first.
     */
    ConversationRecord update(ConversationRecord c) {
        long next = c.version() + 1;
        int rows = jdbc.prepareStatement("update conversation set flow = ?, status = ?, channel = ?, created_at = ?, updated_at = ?, "
                + "version = ? where id = ? and version = ?", ps -> {
            ps.setString(1, c.flow());
            ps.setString(2, c.status());
            setNullableString(ps, 3, c.channel());
            ps.setObject(4, timestamp(c.createdAt()));
            ps.setObject(5, timestamp(c.updatedAt()));
            ps.setLong(6, next);
            ps.setString(7, c.id());
            ps.setLong(8, c.version());
            return ps.executeUpdate();
        });
        if (rows != 1) {
            throw new OptimisticLockException("Execute update returned unexpected row count. Expected: 1 got: " + rows);
        }
        return new ConversationRecord(c.id(), c.flow(), c.status(), c.channel(), c.createdAt(), c.updatedAt(), next);
    }

    void insertAnswer(String conversationId, String question, String valueJson, Instant answeredAt) {
        jdbc.prepareStatement("insert into answer (conversation_id, question, value_json, answered_at) values (?, ?, ?, ?)", ps -> {
            ps.setString(1, conversationId);
            ps.setString(2, question);
            ps.setString(3, valueJson);
            ps.setObject(4, timestamp(answeredAt));
            return ps.executeUpdate();
        });
    }

    /** Stores the advice of a conversation that has none stored (as {@code AdviceRepository.save}). */
    void insertAdvice(AdviceRecord a) {
        jdbc.prepareStatement("insert into recommendation (conversation_id, rules_version, advice_format, advice_json, created_at) "
                + "values (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, a.conversationId());
            setAdvice(ps, 2, a);
            return ps.executeUpdate();
        });
    }

    /** Replaces the stored advice of a conversation; false when it has none stored (nothing changes then). */
    boolean updateAdvice(AdviceRecord a) {
        int rows = jdbc.prepareStatement("update recommendation set rules_version = ?, advice_format = ?, advice_json = ?, created_at = ? "
                + "where conversation_id = ?", ps -> {
            setAdvice(ps, 1, a);
            ps.setString(5, a.conversationId());
            return ps.executeUpdate();
        });
        return rows == 1;
    }

    /** The four columns after the key, from {@code first} on. */
    private static void setAdvice(PreparedStatement ps, int first, AdviceRecord a) throws SQLException {
        ps.setString(first, a.rulesVersion());
        ps.setInt(first + 1, a.adviceFormat());
        ps.setString(first + 2, a.adviceJson());
        ps.setObject(first + 3, timestamp(a.createdAt()));
    }

    private static ConversationRecord conversation(ResultSet rs) throws SQLException {
        return new ConversationRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                instant(rs, 6), rs.getLong(7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
