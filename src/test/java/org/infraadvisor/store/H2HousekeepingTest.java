package org.infraadvisor.store;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The service compacts its H2 file while commits are written at once, and leaves every row as it was. */
class H2HousekeepingTest {

    private static final int ROWS = 3000;

    @Test
    void chunksKeptAliveByAFewPagesAreRewrittenAndEveryRowReadsBack() throws Exception {
        String url = "jdbc:h2:file:./target/test-data/compaction-" + UUID.randomUUID();
        // The scheduled rounds are off, so that the test decides when compaction runs.
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", url,
                "advisor.store.h2-housekeeping", "false"), "test")) {
            DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
            MVStore store = new H2Housekeeping(dataSource).store().orElseThrow();
            // Lets H2 rewrite a chunk at once instead of after the seconds the service keeps it.
            store.setRetentionTime(0);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                writeRowsThenUpdateAFewOfThemOften(c);
                int fillBefore = store.getFileStore().getChunksFillRate();
                long chunksBefore = chunkCount(c);

                for (int round = 0; round < 100 && H2Housekeeping.compactOnce(store); round++) {
                    touch(c);
                }
                touch(c);

                assertThat(fillBefore).as("the file is full of chunks that a few live pages keep").isLessThan(50);
                assertThat(store.getFileStore().getChunksFillRate()).isGreaterThan(fillBefore);
                assertThat(chunkCount(c)).isLessThan(chunksBefore);
                assertEveryRowReadsBack(c);
            }
        }
    }

    @Test
    void onceTheFileIsForcedToDiskEverySecondH2KeepsFreedSpaceForSecondsInsteadOf45() throws Exception {
        String url = "jdbc:h2:file:./target/test-data/sync-" + UUID.randomUUID();
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", url), "test")) {
            MVStore store = context.getBean(H2Housekeeping.class).store().orElseThrow();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (store.getRetentionTime() == H2Housekeeping.H2_DEFAULT_RETENTION_MS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(store.getRetentionTime()).isBetween(5_000, 10_000);
        }
    }

    @Test
    void withHousekeepingOffOrWithoutAFileH2KeepsItsOwnSettings() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", "jdbc:h2:mem:compaction-" + UUID.randomUUID()), "test")) {
            assertThat(context.getBean(H2Housekeeping.class).store()).isEmpty();
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of("advisor.store.h2-housekeeping", "false"), "test")) {
            assertThat(context.containsBean(H2Housekeeping.class)).isFalse();
        }
    }

    @Test
    void theRetentionTimeCoversFiveSyncsAndNeverExceedsH2sDefault() {
        assertThat(H2Housekeeping.retentionAfterSync(0)).isEqualTo(5_000);
        assertThat(H2Housekeeping.retentionAfterSync(400)).isEqualTo(7_000);
        assertThat(H2Housekeeping.retentionAfterSync(60_000)).isEqualTo(H2Housekeeping.H2_DEFAULT_RETENTION_MS);
    }

    /** Each commit a chunk of its own; then most of the early chunks hold only the leaf pages nobody writes again. */
    private static void writeRowsThenUpdateAFewOfThemOften(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table kept (id int primary key, v varchar(100) not null)");
        }
        c.commit();
        try (PreparedStatement insert = c.prepareStatement("insert into kept (id, v) values (?, ?)")) {
            for (int id = 0; id < ROWS; id++) {
                insert.setInt(1, id);
                insert.setString(2, value(id, 0));
                insert.executeUpdate();
                c.commit();
            }
        }
        try (PreparedStatement update = c.prepareStatement("update kept set v = ? where id = ?")) {
            for (int round = 1; round <= 2000; round++) {
                int id = round % 20;
                update.setString(1, value(id, round));
                update.setInt(2, id);
                update.executeUpdate();
                c.commit();
            }
        }
    }

    /** A commit that changes a row, so that H2 writes what the compaction rewrote. */
    private static void touch(Connection c) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update kept set v = v where id = 0")) {
            update.executeUpdate();
        }
        c.commit();
    }

    private static void assertEveryRowReadsBack(Connection c) throws SQLException {
        int rows = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, v from kept order by id")) {
            while (rs.next()) {
                int id = rs.getInt(1);
                int lastUpdate = id < 20 ? 2000 - (2000 - id) % 20 : 0;
                assertThat(rs.getString(2)).isEqualTo(value(id, lastUpdate));
                rows++;
            }
        }
        assertThat(rows).isEqualTo(ROWS);
    }

    private static long chunkCount(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select setting_value from information_schema.settings where setting_name = 'info.CHUNK_COUNT'")) {
            assertThat(rs.next()).isTrue();
            return Long.parseLong(rs.getString(1));
        }
    }

    private static String value(int id, int round) {
        return "row " + id + " written in round " + round;
    }
}
