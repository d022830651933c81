package org.infraadvisor.progress;

import java.util.Objects;

/**
 * The head of the advice for one set of answers: what a preview shows and what the search for the next question
 * compares.
 *
 * @param strategy    the recommended strategy, or null when the rules chose none
 * @param confidence  0..1
 * @param accelerator the recommended accelerator, or null when none is recommended
 */
public record Outcome(String strategy, double confidence, Pick accelerator) {

    /** A recommended accelerator: who makes it, which part, its family (generation), and how many the load needs. */
    public record Pick(String vendor, String model, String family, int count) {

        boolean sameFamily(Pick other) {
            return family != null && other.family != null ? family.equals(other.family)
                    : vendor.equals(other.vendor) && model.equals(other.model);
        }

        boolean samePart(Pick other) {
            return vendor.equals(other.vendor) && model.equals(other.model);
        }
    }

    /** The same strategy and the same recommended part (the count may differ). */
    public boolean sameHeadline(Outcome other) {
        return Objects.equals(strategy, other.strategy) && (accelerator == null ? other.accelerator == null
                : other.accelerator != null && accelerator.samePart(other.accelerator));
    }

    /** How much {@code other} differs from this outcome, the biggest difference first. */
    public Change changeTo(Outcome other) {
        return Objects.equals(strategy, other.strategy) ? acceleratorChangeTo(other) : Change.STRATEGY;
    }

    /** How much the recommended accelerator of {@code other} differs from this one, whatever the strategy. */
    public Change acceleratorChangeTo(Outcome other) {
        if (accelerator == null || other.accelerator == null) {
            return accelerator == other.accelerator ? Change.NONE : Change.ACCELERATOR;
        }
        if (!accelerator.sameFamily(other.accelerator)) {
            return Change.ACCELERATOR;
        }
        if (Math.abs(other.accelerator.count() - accelerator.count()) > Change.COUNT_TOLERANCE * accelerator.count()) {
            return Change.COUNT;
        }
        return accelerator.samePart(other.accelerator) ? Change.NONE : Change.PART;
    }
}
