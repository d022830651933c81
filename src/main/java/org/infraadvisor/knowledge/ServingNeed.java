package org.infraadvisor.knowledge;

/**
 * Serving the workload needs: one model copy's memory and the token load, split into prompt tokens (processed at
 * compute speed) and output tokens (generated at memory-bandwidth speed). Always present; {@code active} is false
 * when nothing is served.
 *
 * @param queued   batch work that is queued and spread over the day (sized for the average, not the peak)
 * @param sites    sites that each answer locally (1 = one central deployment)
 * @param offline  each site must keep answering without the network, so each holds its own spare copy
 */
public final class ServingNeed {

    private final boolean active;
    private final double weightsGb;
    private final double memoryGb;
    private final double activeParamsB;
    private final boolean loadKnown;
    private final double averagePromptTps;
    private final double averageOutputTps;
    private final double peakFactor;
    private final boolean queued;
    private final int sites;
    private final boolean offline;

    public ServingNeed(boolean active, double weightsGb, double memoryGb, double activeParamsB, boolean loadKnown,
                       double averagePromptTps, double averageOutputTps, double peakFactor, boolean queued, int sites,
                       boolean offline) {
        this.active = active;
        this.weightsGb = weightsGb;
        this.memoryGb = memoryGb;
        this.activeParamsB = activeParamsB;
        this.loadKnown = loadKnown;
        this.averagePromptTps = averagePromptTps;
        this.averageOutputTps = averageOutputTps;
        this.peakFactor = peakFactor;
        this.queued = queued;
        this.sites = Math.max(1, sites);
        this.offline = offline;
    }

    public static ServingNeed none() {
        return new ServingNeed(false, 0, 0, 0, false, 0, 0, 1, false, 1, false);
    }

    /** A model copy to hold, with no known request volume. */
    public static ServingNeed modelOnly(double weightsGb, double memoryGb, double activeParamsB, int sites, boolean offline) {
        return new ServingNeed(true, weightsGb, memoryGb, activeParamsB, false, 0, 0, 1, false, sites, offline);
    }

    /**
     * A known load: {@code requestsPerDay} x prompt and output tokens spread over 86,400 s; peaks {@code peakFactor} x
     * the average unless the work is queued.
     */
    public static ServingNeed forLoad(double weightsGb, double memoryGb, double activeParamsB, double requestsPerDay,
                                      double promptTokens, double outputTokens, double peakFactor, boolean queued,
                                      int sites, boolean offline) {
        return new ServingNeed(true, weightsGb, memoryGb, activeParamsB, true, requestsPerDay * promptTokens / 86_400,
                requestsPerDay * outputTokens / 86_400, queued ? 1 : peakFactor, queued, sites, offline);
    }

    public boolean isActive() { return active; }
    public double getWeightsGb() { return weightsGb; }
    public double getMemoryGb() { return memoryGb; }
    public double getActiveParamsB() { return activeParamsB; }
    public boolean isLoadKnown() { return loadKnown; }
    public double getAveragePromptTps() { return averagePromptTps; }
    public double getAverageOutputTps() { return averageOutputTps; }
    public double getPeakFactor() { return peakFactor; }
    public boolean isQueued() { return queued; }
    public int getSites() { return sites; }
    public boolean isOffline() { return offline; }

    public double getAverageTps() { return averagePromptTps + averageOutputTps; }
    public double getPeakTps() { return getAverageTps() * peakFactor; }
    public double getPeakPromptTps() { return averagePromptTps * peakFactor; }
    public double getPeakOutputTps() { return averageOutputTps * peakFactor; }

    /** Prompt and output tokens per year. */
    public double getTokensPerYear() {
        return getAverageTps() * 86_400 * 365;
    }

    @Override
    public String toString() {
        return active ? "ServingNeed(" + memoryGb + " GB per copy, " + (loadKnown ? getAverageTps() + " tokens/s on average" : "volume unknown")
                + ", " + sites + (sites == 1 ? " site)" : " sites)") : "ServingNeed(none)";
    }
}
