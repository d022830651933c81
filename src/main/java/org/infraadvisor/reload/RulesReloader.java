package org.infraadvisor.reload;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.infraadvisor.authoring.Verifier;
import org.infraadvisor.authoring.VerifyReport;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;
import org.infraadvisor.engine.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a new rule set from the folders beside the serving one, runs the scenario suite against it, and swaps
 * it in only when it compiles and every scenario passes. Requests already running keep the rule set they
 * started with; a refused reload leaves the serving rules untouched and is remembered with its report.
 */
@Singleton
public class RulesReloader {

    private static final Logger LOG = LoggerFactory.getLogger(RulesReloader.class);

    private final RuleSetHolder holder;
    private final Verifier verifier;
    private final AtomicReference<Attempt> lastRefused = new AtomicReference<>();
    private final AtomicReference<Attempt> lastAccepted = new AtomicReference<>();

    public RulesReloader(RuleSetHolder holder, AdvisorEngine engine) {
        this.holder = holder;
        this.verifier = new Verifier(engine);
    }

    /**
     * One reload attempt.
     *
     * @param trigger       what asked for it ({@code POST /admin/rules/reload}, or the file that changed)
     * @param servingVersion the version serving after the attempt
     * @param changed       whether a new version was swapped in (false when refused or when nothing changed; an administrator's
     *                      reload replaces the serving rules with freshly compiled ones even then)
     */
    @Serdeable
    public record Attempt(Instant at, String trigger, boolean accepted, boolean changed, String servingVersion,
                          @Nullable String candidateVersion, VerifyReport report) {
    }

    /** A reload after files changed: the rule set is replaced only when its version changed. */
    public Attempt reload(String trigger) {
        return reload(trigger, false);
    }

    /**
     * Reload attempts run one at a time; each sees the files as they are when it starts reading, and compiles them
     * (a reload never uses the compiled-rules cache). An accepted reload keeps what it compiled in the cache.
     *
     * @param replace replace the serving rule set even when the files did not change (an administrator's reload: it
     *                also replaces rules that came from a cache entry with freshly compiled ones)
     */
    public synchronized Attempt reload(String trigger, boolean replace) {
        RuleSet serving = holder.current();
        Verifier.Result result = verifier.verify(holder.rulesDir(), holder.conversationsDir(), Verifier.Options.FOR_RELOAD);
        VerifyReport report = result.report();
        Instant at = Instant.now();
        if (!report.servable()) {
            Attempt refused = new Attempt(at, trigger, false, false, serving.version(), report.version(), report);
            lastRefused.set(refused);
            LOG.warn("Reload ({}) refused; still serving rules version {}:\n{}", trigger, serving.version(), summary(report));
            return refused;
        }
        RuleSet next = result.ruleSet();
        boolean changed = !next.version().equals(serving.version());
        if (changed || replace) {
            holder.swap(next);
            LOG.info("Reload ({}): now serving rules version {} (was {}), freshly compiled", trigger, next.version(), serving.version());
        }
        Attempt accepted = new Attempt(at, trigger, true, changed, holder.current().version(), next.version(), report);
        lastAccepted.set(accepted);
        if (changed || replace) {
            RuleSetLoader.keep(next, holder.cacheDir(), holder.digests()); // the next start uses what was compiled here
        }
        return accepted;
    }

    @Nullable
    public Attempt lastRefused() {
        return lastRefused.get();
    }

    @Nullable
    public Attempt lastAccepted() {
        return lastAccepted.get();
    }

    static String summary(VerifyReport report) {
        StringBuilder sb = new StringBuilder();
        report.problems().forEach(p -> sb.append("  ").append(p).append('\n'));
        if (report.scenarios() != null) {
            report.scenarios().results().stream().filter(r -> !r.passed()).forEach(r ->
                    sb.append("  scenario '").append(r.name()).append("' failed: ").append(String.join("; ", r.differences())).append('\n'));
        }
        return sb.toString().stripTrailing();
    }

    /** One line for a problem document's detail: the first few problems, with file and line. */
    public static String detail(VerifyReport report, String servingVersion) {
        StringBuilder sb = new StringBuilder("rules not reloaded, still serving version ").append(servingVersion).append(": ");
        java.util.List<String> items = new java.util.ArrayList<>();
        report.problems().forEach(p -> items.add(p.toString()));
        if (report.scenarios() != null) {
            report.scenarios().results().stream().filter(r -> !r.passed())
                    .forEach(r -> items.add("scenario '" + r.name() + "' (" + r.file() + ") failed: " + String.join("; ", r.differences())));
        }
        sb.append(String.join("; ", items.stream().limit(5).toList()));
        if (items.size() > 5) {
            sb.append("; and ").append(items.size() - 5).append(" more (see 'report')");
        }
        return sb.toString();
    }
}
