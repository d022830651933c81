package org.infraadvisor.engine;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.infraadvisor.dialogue.DefinitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the rule set that is serving. Loaded eagerly at start-up: if any rule or conversation file is
 * broken the service does not start, and says which file and line.
 */
@Context
public class RuleSetHolder {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetHolder.class);

    private final Path rulesDir;
    private final Path conversationsDir;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    public RuleSetHolder(@Value("${advisor.rules.dir:rules}") String rulesDir,
                         @Value("${advisor.conversations.dir:conversations}") String conversationsDir) {
        this.rulesDir = Path.of(rulesDir);
        this.conversationsDir = Path.of(conversationsDir);
        try {
            RuleSet loaded = RuleSetLoader.load(this.rulesDir, this.conversationsDir);
            current.set(loaded);
            LOG.info("Loaded rules version {}: {} rules, flows {}", loaded.version(), loaded.rules().size(), loaded.flows().keySet());
        } catch (DefinitionException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            throw e;
        }
    }

    public RuleSet current() {
        return current.get();
    }

    public Path rulesDir() {
        return rulesDir;
    }

    public Path conversationsDir() {
        return conversationsDir;
    }

    /** Replaces the serving rule set in one step; requests already running keep the one they started with. */
    public void swap(RuleSet next) {
        current.set(next);
    }
}
