package org.infraadvisor.knowledge;

import static org.infraadvisor.format.Readable.count;
import static org.infraadvisor.format.Readable.number;
import static org.infraadvisor.format.Readable.percent;

/**
 * Devices that serve a load: per site, output tokens at the peak / decode rate plus prompt tokens at the peak /
 * prefill rate, planned at the target utilization (headroom), in whole model copies (at least one), plus spare
 * copies for redundancy (N+1): at the single central deployment, or at each site that must run offline.
 *
 * @param perCopy        devices per model copy
 * @param copiesPerSite  copies that carry the load at one site
 * @param sparePerSite   spare copies at one site
 * @param averageDevices device-equivalents the average load keeps busy at the target utilization (all sites)
 * @param devices        all devices: sites x (copies + spares) x devices per copy
 */
public record ServingFleet(int perCopy, int sites, int copiesPerSite, int sparePerSite, double decodeDevices,
                           double prefillDevices, double averageDevices, int devices) {

    public static final ServingFleet NONE = new ServingFleet(0, 1, 0, 0, 0, 0, 0, 0);

    public static ServingFleet size(ServingNeed need, DeviceRates rates, int perCopy, double targetUtilization,
                                    int spareCopies) {
        if (!need.isActive()) {
            return NONE;
        }
        int sites = need.getSites();
        int spare = sites == 1 || need.isOffline() ? spareCopies : 0;
        if (!need.isLoadKnown()) {
            return new ServingFleet(perCopy, sites, 1, spare, 0, 0, 0, sites * (1 + spare) * perCopy);
        }
        double decode = need.getPeakOutputTps() / sites / rates.decode();
        double prefill = need.getPeakPromptTps() / sites / rates.prefill();
        int copies = Math.max(1, Rounding.roundUp((decode + prefill) / targetUtilization / perCopy));
        double average = (need.getAverageOutputTps() / rates.decode() + need.getAveragePromptTps() / rates.prefill())
                / targetUtilization;
        return new ServingFleet(perCopy, sites, copies, spare, decode, prefill, average, sites * (copies + spare) * perCopy);
    }

    /** Copies that carry the load, over all sites. */
    public int loadCopies() {
        return sites * copiesPerSite;
    }

    /** Devices without the spare copies. */
    public int loadDevices() {
        return loadCopies() * perCopy;
    }

    /**
     * The arithmetic for a reader, e.g. "peak 2,778 output tokens/s / 1,565† + 55,556 prompt tokens/s / 19,793† per
     * device = 4.6; at 65% load 7.1 → 4 copies of 2 + 1 spare (N+1) = 10".
     */
    public String formula(DeviceRates rates, double targetUtilization) {
        StringBuilder s = new StringBuilder();
        if (decodeDevices > 0 || prefillDevices > 0) {
            String site = sites > 1 ? " per site" : "";
            s.append("peak ").append(number(decodeDevices * rates.decode())).append(" output tokens/s").append(site)
                    .append(" / ").append(number(rates.decode())).append("\u2020 + ")
                    .append(number(prefillDevices * rates.prefill())).append(" prompt tokens/s / ")
                    .append(number(rates.prefill())).append("\u2020 per device = ").append(number(decodeDevices + prefillDevices))
                    .append("; at ").append(percent(targetUtilization)).append(" load ")
                    .append(number((decodeDevices + prefillDevices) / targetUtilization)).append(" \u2192 ");
        } else {
            s.append("volume unknown: ");
        }
        s.append(count(copiesPerSite, "copy", "copies"));
        if (perCopy > 1) {
            s.append(" of ").append(number(perCopy));
        }
        if (sparePerSite > 0) {
            s.append(" + ").append(number(sparePerSite)).append(" spare (N+1)");
        }
        if (sites > 1) {
            s.append(" at each of ").append(number(sites)).append(" sites");
        }
        return s.append(" = ").append(number(devices)).toString();
    }
}
