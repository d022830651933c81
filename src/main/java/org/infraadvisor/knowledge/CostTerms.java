package org.infraadvisor.knowledge;

/**
 * The cost constants of {@code assumptions.yaml} and the planning horizon, read once per evaluation.
 *
 * @param burstHoursFraction share of hours a hybrid set-up rents capacity above its owned baseline
 * @param apiSmallUsdPerMTokens managed per-token endpoint price for models up to {@code apiSmallMaxB}
 * @param apiLargeUsdPerMTokens managed per-token endpoint price for models up to {@code apiMaxModelB}
 */
public record CostTerms(double years, double burstHoursFraction, double apiSmallUsdPerMTokens, double apiSmallMaxB,
                        double apiLargeUsdPerMTokens, double apiMaxModelB) {

    public double hours() {
        return OwnedCost.HOURS_PER_YEAR * years;
    }

    /** The managed per-token price for a model of this size, or NaN when no managed endpoint serves it. */
    public double apiUsdPerMTokens(double modelB) {
        if (modelB > apiMaxModelB) {
            return Double.NaN;
        }
        return modelB <= apiSmallMaxB ? apiSmallUsdPerMTokens : apiLargeUsdPerMTokens;
    }
}
