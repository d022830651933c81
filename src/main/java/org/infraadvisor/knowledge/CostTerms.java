package org.infraadvisor.knowledge;

import org.infraadvisor.facts.AssumptionReads;

/**
 * The cost constants of {@code assumptions.yaml} and the planning horizon, read once per evaluation.
 *
 * @param burstHoursFraction share of hours a hybrid set-up rents capacity above its owned baseline
 * @param apiSmallUsdPerMTokens managed per-token endpoint price for models up to {@code apiSmallMaxB}
 * @param apiLargeUsdPerMTokens managed per-token endpoint price for models up to {@code apiMaxModelB}
 */
public record CostTerms(double years, double burstHoursFraction, double apiSmallUsdPerMTokens, double apiSmallMaxB,
                        double apiLargeUsdPerMTokens, double apiMaxModelB) implements AssumptionReads.Bundle {

    // each accessor notes the assumption it hands out (see AssumptionReads); the horizon is an answer, not an assumption
    public double burstHoursFraction() { return AssumptionReads.read("burst_hours_fraction", burstHoursFraction); }
    public double apiSmallUsdPerMTokens() { return AssumptionReads.read("managed_api_usd_per_mtoken_small", apiSmallUsdPerMTokens); }
    public double apiSmallMaxB() { return AssumptionReads.read("managed_api_small_max_b", apiSmallMaxB); }
    public double apiLargeUsdPerMTokens() { return AssumptionReads.read("managed_api_usd_per_mtoken_large", apiLargeUsdPerMTokens); }
    public double apiMaxModelB() { return AssumptionReads.read("managed_api_max_model_b", apiMaxModelB); }

    public double hours() {
        return OwnedCost.HOURS_PER_YEAR * years;
    }

    /** The managed per-token price for a model of this size, or NaN when no managed endpoint serves it. */
    public double apiUsdPerMTokens(double modelB) {
        if (modelB > apiMaxModelB()) {
            return Double.NaN;
        }
        return modelB <= apiSmallMaxB() ? apiSmallUsdPerMTokens() : apiLargeUsdPerMTokens();
    }
}
