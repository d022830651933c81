package org.infraadvisor.authoring;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule as the analysis sees it, read from its DRL with Drools' parser.
 *
 * @param supports        the strategies the rule argues for: its {@code @supports("...")} metadata, or else the
 *                        strategies its consequence votes for or chooses ({@code new StrategyVote("on-prem", ...)})
 * @param votes           points per strategy when the consequence casts a {@code StrategyVote} with a literal weight
 * @param answers         its {@code Answer(...)} patterns
 * @param otherConditions the other patterns and evals at the top of its conditions, as written
 * @param factTypesRead   simple names of the fact types its conditions match anywhere (also under not, exists,
 *                        accumulate), so a fact of another type cannot change whether or how it fires
 * @param factTypesInserted simple names of the types its consequence creates ({@code insert(new X(...))}), and
 *                        {@link #ANY_FACT} when it inserts, changes or deletes facts in another way
 */
public record RuleDef(String name, String file, int line, String description, Set<String> supports,
                      Map<String, Integer> votes, List<AnswerPattern> answers, List<String> otherConditions,
                      boolean decidesStrategy, Set<String> factTypesRead, Set<String> factTypesInserted) {

    /** Stands for facts of any type: the analysis cannot tell which ones the consequence writes. */
    public static final String ANY_FACT = "*";

    /** Every question the rule reads, wherever in its conditions. */
    public Set<String> questionsRead() {
        Set<String> read = new java.util.LinkedHashSet<>();
        answers.forEach(p -> read.addAll(p.questions()));
        return read;
    }
}
