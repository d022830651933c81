package org.infraadvisor.progress;

import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.RuleSet;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Remembers outcomes per rules version and answers (bounded), so a state evaluated once is not evaluated again. */
final class CachedOutcomes implements OutcomeSource {

    private final OutcomeSource source;
    private final StateCache<Outcome> cache;
    private final LongAdder evaluated = new LongAdder();

    CachedOutcomes(OutcomeSource source, long maximumSize) {
        this.source = source;
        this.cache = new StateCache<>(maximumSize);
    }

    @Override
    public Outcome outcome(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        return cache.get(ruleSet, flow, answers, () -> {
            evaluated.increment();
            return source.outcome(ruleSet, flow, answers);
        });
    }

    /** How many outcomes the engine actually evaluated (cache misses) so far. */
    long evaluated() {
        return evaluated.sum();
    }
}
