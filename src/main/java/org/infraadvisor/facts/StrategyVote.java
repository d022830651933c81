package org.infraadvisor.facts;

/** A rule's vote for a strategy ({@code cloud-first}, {@code hybrid}, {@code on-prem}); the strategy rules add them up. */
public class StrategyVote {

    /** The strategies the API enumerates; rules may vote for, choose and compare only these. */
    public static final java.util.List<String> STRATEGIES = java.util.List.of("cloud-first", "hybrid", "on-prem");
    private final String strategy;
    private final int weight;
    private final String reason;

    public StrategyVote(String strategy, int weight, String reason) {
        this.strategy = strategy;
        this.weight = weight;
        this.reason = reason;
    }

    public String getStrategy() {
        return strategy;
    }

    public int getWeight() {
        return weight;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "StrategyVote" + "(" + strategy + ", " + weight + ", " + reason + ")";
    }
}
