package org.infraadvisor.progress;

/**
 * How much an answer would change the head of the advice, from most to least: the strategy, the accelerator family
 * (e.g. NVIDIA Hopper to AMD CDNA 3), the accelerator count by more than a quarter, another part of the same family
 * (H100 to H200). Each counts half as much as the one before it when questions are ranked.
 */
public enum Change {
    STRATEGY(1), ACCELERATOR(0.5), COUNT(0.25), PART(0.125), NONE(0);

    /** A count that moves by more than this share of the current count is a change. */
    public static final double COUNT_TOLERANCE = 0.25;

    private final double weight;

    Change(double weight) {
        this.weight = weight;
    }

    /** How much this change counts when questions are ranked. */
    public double weight() {
        return weight;
    }
}
