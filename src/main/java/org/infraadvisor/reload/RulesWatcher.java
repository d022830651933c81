package org.infraadvisor.reload;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.infraadvisor.engine.RuleSetHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the rules and conversations folders (and every folder below them) and reloads once the files
 * have been quiet for the debounce time, so that saving several files, or an editor's write-and-rename,
 * gives one reload. On by default ({@code advisor.rules.watch}).
 */
@Context
@Requires(property = "advisor.rules.watch", notEquals = "false")
public class RulesWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);

    private final RulesReloader reloader;
    private final Duration debounce;
    private final WatchService watchService;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Thread thread;

    public RulesWatcher(RuleSetHolder holder, RulesReloader reloader,
                        @Value("${advisor.rules.watch-debounce:300ms}") Duration debounce) throws IOException {
        this.reloader = reloader;
        this.debounce = debounce;
        this.watchService = FileSystems.getDefault().newWatchService();
        registerTree(holder.rulesDir());
        registerTree(holder.conversationsDir());
        thread = new Thread(this::run, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching {} and {} for changes", holder.rulesDir(), holder.conversationsDir());
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                WatchKey key = dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                folders.put(key, dir);
            }
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Path changed = handle(watchService.take());
                WatchKey more;
                while ((more = watchService.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    Path next = handle(more);
                    changed = next == null ? changed : next;
                }
                try {
                    reloader.reload("file change: " + changed);
                } catch (RuntimeException e) {
                    LOG.error("Reload after a file change failed", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Registers new folders, re-arms the key, and returns the last path that changed. */
    private Path handle(WatchKey key) {
        Path dir = folders.get(key);
        Path last = dir;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            last = path;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    registerTree(path);
                } catch (IOException e) {
                    LOG.warn("Cannot watch new folder {}: {}", path, e.getMessage());
                }
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
        return last;
    }

    @PreDestroy
    public void stop() throws IOException {
        thread.interrupt();
        watchService.close();
    }
}
