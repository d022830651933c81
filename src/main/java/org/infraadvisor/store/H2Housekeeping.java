package org.infraadvisor.store;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Housekeeping for an H2 database file opened in this process, which {@code WRITE_DELAY=0} ({@link H2DurableWrites})
 * leaves undone: forcing the file to disk every second, and rewriting the few live pages that keep old parts of the
 * file from being reused (what H2's background writer does when there is a write delay).
 * <p>
 * H2 writes each commit as a new chunk at the first place in the file where it fits, and reuses a chunk's space only
 * once every page in it has been replaced and a retention time has passed (45 s by default: how long H2 assumes the
 * operating system may take to put written data on disk). A file of 45 s of commits fills with holes too small for
 * the next chunk, and searching past them from the start of the file became half of a commit's CPU under sustained
 * load (docs/benchmarks.md, "What H2 writes per turn"). Forcing the file to disk every second lets the retention time
 * be a few seconds ({@link #retentionAfterSync}; H2's documentation of {@link MVStore#setRetentionTime} names forcing
 * the file as what makes a shorter one safe): the file stays several times smaller and the holes few, and a power
 * failure loses about a second of acknowledged answers instead of what the operating system had not yet written.
 * The rewriting ({@link MVStore#compact(int, int)}: only chunks past the retention time, nothing moved or truncated)
 * goes out with the next commit. A database reached over TCP belongs to its own server, so nothing is done for it.
 */
@Singleton
@Requires(property = "advisor.store.h2-housekeeping", notEquals = "false", defaultValue = "true")
public class H2Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    /** How often the file is forced to disk; the retention time is worked out from it. */
    static final long SYNC_INTERVAL_MS = 1000;
    /** H2's own retention time, kept while the file has not been forced to disk yet or when forcing it failed. */
    static final int H2_DEFAULT_RETENTION_MS = 45_000;
    /** Live pages rewritten per round at most (with {@code fill rate 101}: whatever the chunks' fill rate). */
    static final int MAX_BYTES_EACH_TIME = 1024 * 1024;
    private static final int ANY_FILL_RATE = 101;

    private final DataSource dataSource;
    private volatile Optional<MVStore> store;

    H2Housekeeping(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Scheduled(fixedDelay = SYNC_INTERVAL_MS + "ms", initialDelay = SYNC_INTERVAL_MS + "ms")
    void sync() {
        openStore().ifPresent(s -> {
            try {
                syncOnce(s);
            } catch (RuntimeException e) {
                if (!s.isClosed()) {
                    s.setRetentionTime(H2_DEFAULT_RETENTION_MS);
                    LOG.warn("Could not force the H2 file to disk ({}); H2's own retention time applies", e.getMessage());
                }
            }
        });
    }

    /**
     * Forces the file to disk, then lets H2 overwrite freed space after {@link #retentionAfterSync} (also what
     * {@code bench/run h2commit --sync-every-ms} does); returns how long the sync took in milliseconds.
     */
    public static long syncOnce(MVStore store) {
        long started = System.nanoTime();
        store.sync();
        long millis = (System.nanoTime() - started) / 1_000_000;
        store.setRetentionTime(retentionAfterSync(millis));
        return millis;
    }

    /**
     * Five times the longest a commit can wait for the next completed sync, and never less than 5 s nor more than
     * H2's default: a chunk freed now is overwritten only after a sync has put a version that no longer needs it on
     * disk.
     */
    static int retentionAfterSync(long syncMillis) {
        return (int) Math.min(H2_DEFAULT_RETENTION_MS, 5 * (SYNC_INTERVAL_MS + syncMillis));
    }

    @Scheduled(fixedDelay = "200ms", initialDelay = "10s")
    void compact() {
        openStore().ifPresent(s -> {
            try {
                compactOnce(s);
            } catch (RuntimeException e) {
                // A rewrite that lost a race with the store closing: the next round tries again, if any.
                LOG.debug("H2 compaction skipped: {}", e.getMessage());
            }
        });
    }

    /** One round of rewriting (also what {@code bench/run h2commit --compact-every-ms} does); true when it rewrote pages. */
    public static boolean compactOnce(MVStore store) {
        if (store.compact(ANY_FILL_RATE, MAX_BYTES_EACH_TIME)) {
            store.tryCommit();
            return true;
        }
        return false;
    }

    private Optional<MVStore> openStore() {
        return store().filter(s -> !s.isClosed());
    }

    /**
     * The store of an H2 database on disk opened by this process; empty for any other database, and while the
     * database cannot be reached (asked again next time: readiness reports an unreachable database).
     */
    Optional<MVStore> store() {
        Optional<MVStore> found = store;
        if (found == null) {
            try {
                found = find();
                store = found;
            } catch (SQLException | RuntimeException e) {
                LOG.debug("H2 housekeeping waits for the database: {}", e.getMessage());
                return Optional.empty();
            }
        }
        return found;
    }

    private Optional<MVStore> find() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return fileStoreOf(connection);
        }
    }

    /**
     * The store behind a connection to an H2 database on disk opened in this process (also what
     * {@code bench/run h2commit} housekeeps); empty over TCP, in memory or for another database.
     */
    public static Optional<MVStore> fileStoreOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore mvStore = session.getDatabase().getStore().getMvStore();
        return mvStore.getFileStore() == null ? Optional.empty() : Optional.of(mvStore);
    }
}
