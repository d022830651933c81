package org.infraadvisor.store;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Read-only share links (issue 14): every conversation gets a {@code share_token}, a random value apart from its id
 * that grants reading the advice and nothing else; null means sharing is off. Existing conversations get a token
 * here, made in Java because H2 and PostgreSQL have no common SQL function for secure random values.
 */
class V9__ConversationShareTokens extends BaseJavaMigration {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table conversation add column share_token varchar(64)");
            ddl.execute("create unique index conversation_share_token on conversation (share_token)");
        }
        List<String> ids = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select id from conversation")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update conversation set share_token = ? where id = ?")) {
            for (String id : ids) {
                update.setString(1, newToken());
                update.setString(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** 160 random bits, URL-safe: the same form as new tokens (ConversationService). */
    static String newToken() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
