package org.infraadvisor.engine;

import io.micronaut.context.BeanProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The digest store as the rules loader sees it while the application starts. The rules load on their own thread
 * while the database starts (and a migration may wait for the rules), so the loader never waits for the database
 * for long: a cache hit is confirmed if the database answers within {@link #WAIT}, else the rules are compiled;
 * the digest of an entry written during start-up is recorded once start-up is complete. Without a database
 * (tools), entries are trusted within this JVM only.
 */
final class DeferredDigests implements KieBaseDigests {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(DeferredDigests.class);

    private final BeanProvider<KieBaseDigests> provider;
    private final List<String[]> pending = new ArrayList<>();
    private boolean started;

    DeferredDigests(BeanProvider<KieBaseDigests> provider) {
        this.provider = provider;
    }

    private KieBaseDigests store() {
        return provider.isPresent() ? provider.get() : KieBaseDigests.PROCESS;
    }

    @Override
    public boolean isRecorded(String key, String sha256) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread asking = new Thread(() -> {
            try {
                answer.complete(store().isRecorded(key, sha256));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, "rules-cache-digest");
        asking.setDaemon(true);
        asking.start();
        try {
            return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info("The database did not confirm the compiled rules within {} s; compiling instead", WAIT.toSeconds());
            return false;
        } catch (ExecutionException e) {
            LOG.warn("Cannot confirm the compiled rules ({}); compiling instead", e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void record(String key, String sha256) {
        synchronized (this) {
            if (!started) {
                pending.add(new String[]{key, sha256});
                return;
            }
        }
        store().record(key, sha256);
    }

    /** Start-up is complete: the database is there; record what was written meanwhile. */
    void started() {
        List<String[]> written;
        synchronized (this) {
            started = true;
            written = new ArrayList<>(pending);
            pending.clear();
        }
        for (String[] entry : written) {
            try {
                store().record(entry[0], entry[1]);
            } catch (RuntimeException e) {
                LOG.warn("Cannot record the digest of the compiled rules ({}); the next start compiles them again", e.toString());
            }
        }
    }
}
