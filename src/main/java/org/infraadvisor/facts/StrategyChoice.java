package org.infraadvisor.facts;

/** The strategy the rules recommend, with a confidence between 0 and 1. */
public class StrategyChoice implements SharedConclusion {
    private final String strategy;
    private final double confidence;
    private final String summary;

    public StrategyChoice(String strategy, double confidence, String summary) {
        this.strategy = strategy;
        this.confidence = confidence;
        this.summary = summary;
    }

    public String getStrategy() {
        return strategy;
    }

    public double getConfidence() {
        return confidence;
    }

    public String getSummary() {
        return summary;
    }

    @Override
    public String toString() {
        return "StrategyChoice" + "(" + strategy + ", " + confidence + ", " + summary + ")";
    }
}
