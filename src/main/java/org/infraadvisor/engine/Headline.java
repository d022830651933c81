package org.infraadvisor.engine;

import org.infraadvisor.facts.AcceleratorChoice;
import org.infraadvisor.facts.StrategyChoice;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The head of the advice: the chosen strategy and the recommended accelerators, best first. One definition of
 * "chosen" and "best", shared by the full recommendation and by searches that only need the headline.
 *
 * @param strategy     the strategy choice with the highest confidence, or null when the rules chose none
 * @param accelerators the recommended accelerators, highest score first
 */
public record Headline(StrategyChoice strategy, List<AcceleratorChoice> accelerators) {

    /** Highest score first; equal scores by vendor and model, so the order never depends on the session. */
    static final Comparator<AcceleratorChoice> RANKING = Comparator.comparingDouble(AcceleratorChoice::getScore).reversed()
            .thenComparing(AcceleratorChoice::getVendor).thenComparing(AcceleratorChoice::getModel);

    public static Headline of(Collection<StrategyChoice> strategies, Collection<AcceleratorChoice> accelerators) {
        return new Headline(chosen(strategies), accelerators.stream().sorted(RANKING).toList());
    }

    static StrategyChoice chosen(Collection<StrategyChoice> strategies) {
        return strategies.stream().max(Comparator.comparingDouble(StrategyChoice::getConfidence)).orElse(null);
    }

    /** The recommended accelerator, or null when none is recommended. */
    public AcceleratorChoice top() {
        return accelerators.isEmpty() ? null : accelerators.get(0);
    }
}
