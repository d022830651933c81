package org.infraadvisor.engine;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import org.infraadvisor.dialogue.DefinitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rule set that is serving. The first one is loaded at start-up on a thread of its own, while the rest of
 * the application (database, migrations, HTTP server) starts; start-up waits for it before it completes, so if any
 * rule or conversation file is broken the service does not start, and says which file and line.
 */
@Context
public class RuleSetHolder implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetHolder.class);

    private final Path rulesDir;
    private final Path conversationsDir;
    private final Path cacheDir;
    private final DeferredDigests digests;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final CompletableFuture<RuleSet> initial;

    public RuleSetHolder(@Value("${advisor.rules.dir:rules}") String rulesDir,
                         @Value("${advisor.conversations.dir:conversations}") String conversationsDir,
                         @Value("${advisor.rules.cache-dir:}") String cacheDir,
                         BeanProvider<KieBaseDigests> digests) {
        this.rulesDir = Path.of(rulesDir);
        this.conversationsDir = Path.of(conversationsDir);
        this.cacheDir = cacheDir == null || cacheDir.isBlank() ? null : Path.of(cacheDir);
        this.digests = new DeferredDigests(digests);
        this.initial = new CompletableFuture<>();
        Thread loader = new Thread(this::loadInitial, "rules-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void loadInitial() {
        try {
            long start = System.nanoTime();
            RuleSet loaded = RuleSetLoader.load(rulesDir, conversationsDir, cacheDir, digests);
            LOG.info("Loaded rules version {} in {} ms: {} rules, flows {}", loaded.version(),
                    (System.nanoTime() - start) / 1_000_000, loaded.rules().size(), loaded.flows().keySet());
            initial.complete(loaded);
        } catch (Throwable e) {
            initial.completeExceptionally(e);
        }
    }

    /** Start-up completes only with a valid rule set; then the digest of a cache entry written meanwhile is recorded. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        awaitInitial();
        digests.started();
    }

    private RuleSet awaitInitial() {
        try {
            current.compareAndSet(null, initial.join());
            return current.get();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DefinitionException d) {
                LOG.error("Cannot start: {}", d.getMessage());
                throw d;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public RuleSet current() {
        RuleSet ruleSet = current.get();
        return ruleSet != null ? ruleSet : awaitInitial();
    }

    public Path rulesDir() {
        return rulesDir;
    }

    public Path conversationsDir() {
        return conversationsDir;
    }

    /** Where compiled rules are kept between runs (null: not kept); a reload can use it too. */
    public Path cacheDir() {
        return cacheDir;
    }

    /** Where the digests of the cache entries are kept (the database, when the application has one). */
    public KieBaseDigests digests() {
        return digests;
    }

    /** Replaces the serving rule set in one step; requests already running keep the one they started with. */
    public void swap(RuleSet next) {
        current.set(next);
    }
}
