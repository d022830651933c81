package org.infraadvisor.progress;

import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.RuleSet;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers outcomes per rules version and state of answers (bounded), so a state evaluated once is not evaluated
 * again. States that the rules cannot tell apart share one outcome: a state is known by what each answer does to the
 * headline rules ({@link Influence#effect}) and by which questions are asked — so an answer that acts as "unknown"
 * (e.g. to a question no headline rule reads) gives the outcome of the state before it without an evaluation.
 */
final class CachedOutcomes implements OutcomeSource {

    /** The key under which a state's asked questions are kept in its {@link #effects} (no question id starts so). */
    private static final String ASKED = "\u0000asked";

    private final OutcomeSource source;
    private final StateCache<Outcome> cache; // null when off
    private final LongAdder evaluated = new LongAdder();

    CachedOutcomes(OutcomeSource source, long maximumSize) {
        this.source = source;
        this.cache = maximumSize > 0 ? new StateCache<>(maximumSize) : null;
    }

    @Override
    public Outcome outcome(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        if (cache == null) {
            evaluated.increment();
            return source.outcome(ruleSet, flow, answers);
        }
        return cache.get(ruleSet, flow, effects(ruleSet, flow, answers), () -> {
            evaluated.increment();
            return source.outcome(ruleSet, flow, answers);
        });
    }

    /**
     * What tells the state apart for the headline rules: the effect of each answer that acts otherwise than "unknown",
     * and the questions asked (unanswered ones count as unknown, those not asked as not asked). Two states with the same
     * effects insert Answer facts that every headline pattern matches alike, so they have the same outcome.
     */
    static Map<String, Object> effects(RuleSet ruleSet, Flow flow, Map<String, Object> answers) {
        Influence influence = Influence.of(ruleSet);
        Map<String, Object> effects = new HashMap<>();
        for (Map.Entry<String, Object> answer : answers.entrySet()) {
            String question = answer.getKey();
            Object effect = influence.effect(flow, question, answer.getValue());
            if (!effect.equals(influence.effect(flow, question, AnswerValues.UNKNOWN))) {
                effects.put(question, effect);
            }
        }
        effects.put(ASKED, ProgressiveAdvisor.asked(flow, new DialogueState(flow, answers)));
        return effects;
    }

    /** How many outcomes the engine actually evaluated (cache misses) so far. */
    long evaluated() {
        return evaluated.sum();
    }
}
