package org.infraadvisor.bench;

import org.h2.mvstore.MVStore;
import org.infraadvisor.store.H2Housekeeping;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a conversation turn costs H2 alone: a turn's four statements (as {@code store/TurnStatements} sends them) and
 * its commit, in one thread on a file database with {@code WRITE_DELAY=0}, in CPU time, with the bytes H2 wrote per
 * commit, the file's size and how many chunks it holds. Each round starts {@code --conversations} conversations, then
 * answers 16 questions in each, one turn per conversation in turn (as many clients would). The schema is the
 * {@code conversation}, {@code conversation_share} and {@code answer} tables as the migrations leave them;
 * {@code --schema before-v11} keeps the share token in the conversation's row with its unique index, as before
 * migration V11 (H2 rewrote that index on every turn), and {@code --url-settings} adds H2 settings to the URL (e.g.
 * {@code ";RETENTION_TIME=0"}). {@code --sync-every-ms} and {@code --compact-every-ms} run what the service's
 * {@code store/H2Housekeeping} does (forcing the file to disk and shortening H2's retention time; one round of
 * compaction) on threads of their own at those intervals.
 * <p>
 * {@code --conversations 2000 --rounds 3 --dir target/bench/h2-commit [--schema current|before-v11] [--url-settings ""]
 * [--sync-every-ms 0] [--compact-every-ms 0]}
 */
public final class H2CommitCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int QUESTIONS = 16;

    /** One round's figures. */
    record Round(int commits, double cpuMicrosPerCommit, double kbWrittenPerCommit, long fileBytes, long chunks) {
        @Override
        public String toString() {
            return "%,d commits: %.0f µs CPU per commit, %.1f KB written per commit; file %,d MB in %,d chunks"
                    .formatted(commits, cpuMicrosPerCommit, kbWrittenPerCommit, fileBytes >> 20, chunks);
        }
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        Path dir = Path.of(a.get("dir", "target/bench/h2-commit"));
        RuleGenerator.deleteTree(dir);
        Files.createDirectories(dir);
        System.out.println("before: " + Machine.summary());
        List<Round> rounds = run(dir, a.getInt("conversations", 2000), a.getInt("rounds", 3),
                "before-v11".equals(a.get("schema", "current")), a.get("url-settings", ""), a.getInt("compact-every-ms", 0), a.getInt("sync-every-ms", 0));
        for (int i = 0; i < rounds.size(); i++) {
            System.out.println("round " + (i + 1) + ": " + rounds.get(i));
        }
        System.out.println("after:  loadavg " + Machine.loadAverage());
    }

    /** @param tokenInRow the schema before migration V11: the share token in the conversation's row, with its unique index */
    static List<Round> run(Path dir, int conversations, int rounds, boolean tokenInRow, String urlSettings, int compactEveryMs, int syncEveryMs) throws SQLException {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";WRITE_DELAY=0" + urlSettings;
        Random random = new Random(1);
        List<Round> result = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            createSchema(c, tokenInRow);
            c.setAutoCommit(false);
            MVStore mv = H2Housekeeping.fileStoreOf(c).orElseThrow();
            ScheduledExecutorService housekeeping = Executors.newScheduledThreadPool(2);
            AtomicLong syncMillis = new AtomicLong();
            AtomicLong longestSyncMillis = new AtomicLong();
            if (syncEveryMs > 0) {
                housekeeping.scheduleWithFixedDelay(() -> {
                    long took = H2Housekeeping.syncOnce(mv);
                    syncMillis.addAndGet(took);
                    longestSyncMillis.accumulateAndGet(took, Math::max);
                }, syncEveryMs, syncEveryMs, TimeUnit.MILLISECONDS);
            }
            AtomicLong compactionCpu = new AtomicLong();
            if (compactEveryMs > 0) {
                housekeeping.scheduleWithFixedDelay(() -> {
                    long started = THREADS.getCurrentThreadCpuTime();
                    H2Housekeeping.compactOnce(mv);
                    compactionCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - started);
                }, compactEveryMs, compactEveryMs, TimeUnit.MILLISECONDS);
            }
            for (int round = 0; round < rounds; round++) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                long written = info(c, "info.FILE_WRITE_BYTES");
                int commits = 0;
                List<String> ids = new ArrayList<>(conversations);
                for (int i = 0; i < conversations; i++) {
                    ids.add(start(c, randomId(random), randomId(random), tokenInRow));
                    c.commit();
                    commits++;
                }
                for (int q = 0; q < QUESTIONS; q++) {
                    for (String id : ids) {
                        turn(c, id, "question_" + q, tokenInRow);
                        c.commit();
                        commits++;
                    }
                }
                System.out.printf("round %d: compaction CPU so far %,d ms; syncs so far %,d ms, the longest %,d ms; file %d %% in use%n",
                        round + 1, compactionCpu.get() / 1_000_000, syncMillis.get(), longestSyncMillis.get(), mv.getFillRate());
                result.add(new Round(commits, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / commits,
                        (info(c, "info.FILE_WRITE_BYTES") - written) / 1024.0 / commits, info(c, "info.FILE_SIZE"), info(c, "info.CHUNK_COUNT")));
            }
            housekeeping.shutdownNow();
        }
        return result;
    }

    /** The tables as the Flyway migrations leave them (up to V10 with {@code tokenInRow}). */
    private static void createSchema(Connection c, boolean tokenInRow) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table conversation (id varchar(64) not null primary key, flow varchar(100) not null, "
                    + "status varchar(20) not null, channel varchar(40), created_at timestamp with time zone not null, "
                    + "updated_at timestamp with time zone not null, version bigint not null" + (tokenInRow ? ", share_token varchar(64))" : ")"));
            s.execute("create table answer (id bigint generated by default as identity primary key, "
                    + "conversation_id varchar(64) not null references conversation (id) on delete cascade, question varchar(100) not null, "
                    + "value_json varchar(10000) not null, answered_at timestamp with time zone not null, "
                    + "constraint answer_once unique (conversation_id, question))");
            s.execute("create index conversation_updated on conversation (updated_at)");
            if (tokenInRow) {
                s.execute("create unique index conversation_share_token on conversation (share_token)");
            } else {
                s.execute("create table conversation_share (conversation_id varchar(64) not null primary key references conversation (id) "
                        + "on delete cascade, share_token varchar(64) not null, constraint conversation_share_token_once unique (share_token))");
            }
        }
    }

    private static String start(Connection c, String id, String shareToken, boolean tokenInRow) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("insert into conversation (id, flow, status, channel, created_at, updated_at, "
                + (tokenInRow ? "share_token, " : "") + "version) values (?, 'infra-strategy', 'active', 'api', ?, ?, "
                + (tokenInRow ? "?, " : "") + "0)")) {
            ps.setString(1, id);
            ps.setObject(2, now);
            ps.setObject(3, now);
            if (tokenInRow) {
                ps.setString(4, shareToken);
            }
            ps.executeUpdate();
        }
        if (!tokenInRow) {
            try (PreparedStatement ps = c.prepareStatement("insert into conversation_share (conversation_id, share_token) values (?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, shareToken);
                ps.executeUpdate();
            }
        }
        return id;
    }

    /** Read the conversation and its answers, the versioned update, insert the answer: a turn's four statements. */
    private static void turn(Connection c, String id, String question, boolean tokenInRow) throws SQLException {
        String flow, status, channel, shareToken;
        OffsetDateTime createdAt;
        long version;
        try (PreparedStatement ps = c.prepareStatement(tokenInRow
                ? "select id, flow, status, channel, created_at, updated_at, version, share_token from conversation where id = ?"
                : "select c.id, c.flow, c.status, c.channel, c.created_at, c.updated_at, c.version, s.share_token "
                + "from conversation c left join conversation_share s on s.conversation_id = c.id where c.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                flow = rs.getString(2);
                status = rs.getString(3);
                channel = rs.getString(4);
                createdAt = rs.getObject(5, OffsetDateTime.class);
                version = rs.getLong(7);
                shareToken = rs.getString(8);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select id, question, value_json, answered_at from answer "
                + "where conversation_id = ? order by answered_at")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(3);
                }
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("update conversation set flow = ?, status = ?, channel = ?, created_at = ?, "
                + "updated_at = ?, " + (tokenInRow ? "share_token = ?, " : "") + "version = ? where id = ? and version = ?")) {
            int i = 1;
            ps.setString(i++, flow);
            ps.setString(i++, status);
            ps.setString(i++, channel);
            ps.setObject(i++, createdAt);
            ps.setObject(i++, now);
            if (tokenInRow) {
                ps.setString(i++, shareToken);
            }
            ps.setLong(i++, version + 1);
            ps.setString(i++, id);
            ps.setLong(i, version);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("the versioned update found no row");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("insert into answer (conversation_id, question, value_json, answered_at) values (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, question);
            ps.setString(3, "\"inference\"");
            ps.setObject(4, now);
            ps.executeUpdate();
        }
    }

    private static long info(Connection c, String setting) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select setting_value from information_schema.settings where setting_name = ?")) {
            ps.setString(1, setting);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1)) : -1;
            }
        }
    }

    private static String randomId(Random random) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
