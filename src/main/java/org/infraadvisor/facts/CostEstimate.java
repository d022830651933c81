package org.infraadvisor.facts;

/** Indicative cost of one strategy over the planning horizon, with how it was computed. */
public class CostEstimate {
    private final String strategy;
    private final double totalUsd;
    private final String breakdown;

    public CostEstimate(String strategy, double totalUsd, String breakdown) {
        this.strategy = strategy;
        this.totalUsd = totalUsd;
        this.breakdown = breakdown;
    }

    public String getStrategy() {
        return strategy;
    }

    public double getTotalUsd() {
        return totalUsd;
    }

    public String getBreakdown() {
        return breakdown;
    }

    @Override
    public String toString() {
        return "CostEstimate" + "(" + strategy + ", " + totalUsd + ", " + breakdown + ")";
    }
}
