package org.infraadvisor.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.infraadvisor.conversation.ConversationMetrics;
import org.infraadvisor.limits.LimitMetrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The advisor's own meters, in one place so that every feature names them the same way. Exported at
 * {@code /prometheus} (dots become underscores, counters get {@code _total}).
 */
@Singleton
public class AdvisorMetrics implements ConversationMetrics, LimitMetrics {

    public static final String TURNS = "advisor.turns";
    public static final String CONVERSATIONS_STARTED = "advisor.conversations.started";
    public static final String CONVERSATIONS_ERASED = "advisor.conversations.erased";
    public static final String CONVERSATIONS_EXPIRED = "advisor.conversations.expired";
    public static final String EVALUATIONS = "advisor.evaluations";
    public static final String RELOADS = "advisor.rules.reloads";
    public static final String ERRORS = "advisor.errors";
    public static final String LIMITED = "advisor.limits.rejected";

    private final MeterRegistry registry;

    /** Without a registry (metrics switched off) the meters still work, they are just not exported. */
    public AdvisorMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry == null ? new SimpleMeterRegistry() : registry;
        // present from the start, so dashboards and alerts see a zero rather than no series
        counter(RELOADS, "Rule set reloads", "outcome", "success");
        counter(RELOADS, "Rule set reloads", "outcome", "failure");
    }

    /** An answer was accepted in a conversation held over {@code channel} (api, slack, widget…). */
    public void turn(String channel) {
        counter(TURNS, "Answers accepted", "channel", channel == null ? "unknown" : channel).increment();
    }

    public void conversationStarted(String channel) {
        counter(CONVERSATIONS_STARTED, "Conversations started", "channel", channel == null ? "unknown" : channel).increment();
    }

    public void conversationErased() {
        counter(CONVERSATIONS_ERASED, "Conversations erased by their user").increment();
    }

    public void conversationsExpired(long count) {
        counter(CONVERSATIONS_EXPIRED, "Abandoned conversations deleted by the retention job").increment(count);
    }

    /** One rules evaluation and how long it took; {@code ok=false} when it failed. */
    public void evaluation(Duration took, boolean ok) {
        Timer.builder(EVALUATIONS).description("Rule evaluations (fresh KIE session, fire, collect)")
                .tag("outcome", ok ? "success" : "failure")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry).record(took);
    }

    public void evaluation(Duration took) {
        evaluation(took, true);
    }

    /** Times {@code work} as one evaluation, also when it throws. */
    public <T> T timeEvaluation(Supplier<T> work) {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            T result = work.get();
            ok = true;
            return result;
        } finally {
            evaluation(Duration.ofNanos(System.nanoTime() - start), ok);
        }
    }

    /** A rules reload was attempted; {@code ok=false} when the new rules were refused and the old ones kept serving. */
    public void reload(boolean ok) {
        counter(RELOADS, "Rule set reloads", "outcome", ok ? "success" : "failure").increment();
    }

    /** A response with an error status (4xx or 5xx) was sent. */
    public void error(int status) {
        counter(ERRORS, "Error responses by status", "status", Integer.toString(status)).increment();
    }

    @Override
    public void limited(String limit) {
        counter(LIMITED, "Requests refused by an abuse limit", "limit", limit).increment();
    }

    public MeterRegistry registry() {
        return registry;
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
