package org.infraadvisor.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What answering one open question could change, found by evaluating each candidate answer.
 *
 * @param question     the question id
 * @param tried        how many candidate answers were considered (answers with the same effect count each)
 * @param strategy     how many of them change the strategy (for a number question: how many different advices its
 *                     samples lead to, see {@link ImpactTally}; likewise below)
 * @param accelerator  how many change the accelerator family (but not the strategy)
 * @param count        how many change the accelerator count by more than a quarter (nothing bigger)
 * @param part         how many change only the part within the family
 * @param strategies   the other strategies an answer could lead to (alone, or with another answer when {@code together})
 * @param accelerators the other accelerators (or counts) an answer could lead to (likewise)
 * @param together     for a question none of whose answers changes the preview alone: what its answers would change
 *                     once one of the most decisive questions is answered too, in the same weights (the mean over that
 *                     question's answers, for the one where it is largest; {@link Lookahead}); 0 otherwise
 */
public record Impact(String question, int tried, int strategy, int accelerator, int count, int part,
                     Set<String> strategies, List<Outcome.Pick> accelerators, double together) {

    /** An impact judged one answer ahead only. */
    public Impact(String question, int tried, int strategy, int accelerator, int count, int part,
                  Set<String> strategies, List<Outcome.Pick> accelerators) {
        this(question, tried, strategy, accelerator, count, part, strategies, accelerators, 0);
    }

    /** This impact with what the question could change together with another answer, and where that could lead. */
    Impact withTogether(double value, Set<String> alsoStrategies, List<Outcome.Pick> alsoAccelerators) {
        Set<String> allStrategies = new LinkedHashSet<>(strategies);
        allStrategies.addAll(alsoStrategies);
        List<Outcome.Pick> allAccelerators = new ArrayList<>(accelerators);
        alsoAccelerators.stream().filter(a -> !allAccelerators.contains(a)).forEach(allAccelerators::add);
        return new Impact(question, tried, strategy, accelerator, count, part, Set.copyOf(allStrategies),
                List.copyOf(allAccelerators), value);
    }

    /**
     * Most decisive first: the question whose candidate answers would change the preview most, each answer counting
     * with the weight of the biggest change it makes ({@link Change#weight()}: strategy 1, family ½, count ¼, part ⅛).
     */
    static final Comparator<Impact> MOST_DECISIVE_FIRST = Comparator.comparingDouble(Impact::decisiveness).reversed();

    /**
     * The sum over the candidate answers of the weight of the change each would make; for a question that changes
     * nothing alone, what it would change together with another answer ({@link #together()}).
     */
    public double decisiveness() {
        return strategy * Change.STRATEGY.weight() + accelerator * Change.ACCELERATOR.weight()
                + count * Change.COUNT.weight() + part * Change.PART.weight() + together;
    }

    /** Whether some answer would change the strategy or the recommended accelerator, alone or with another answer. */
    public boolean couldChange() {
        return changesAlone() || together > 0;
    }

    /** Whether some answer alone would change the strategy or the recommended accelerator. */
    public boolean changesAlone() {
        return strategy + accelerator + count + part > 0;
    }

    /** The biggest change some answer would make. */
    public Change biggest() {
        return strategy > 0 ? Change.STRATEGY : accelerator > 0 ? Change.ACCELERATOR : count > 0 ? Change.COUNT
                : part > 0 ? Change.PART : Change.NONE;
    }
}
