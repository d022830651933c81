package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.format.Readable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Owning is cheaper than renting once owned hardware is busy more than owned cost per device-hour / rented price per
 * device-hour of the time. Worked out per provider on the reference part; the cheapest provider the workload may
 * rent from decides (it sets the highest bar for owning).
 *
 * @param utilization the deciding break-even (may exceed 1: owning never pays off over the horizon)
 * @param provider    the provider that decides
 * @param formula     the arithmetic for every provider considered
 */
public record BreakEven(double utilization, String provider, Commitment commitment, double ownedHourly,
                        double cloudHourly, String formula) {

    public double getUtilization() { return utilization; }

    public static double utilization(double ownedPerHour, double cloudPerHour) {
        return ownedPerHour / cloudPerHour;
    }

    /** The break-even of owning {@code ref} against each provider's price at {@code commitment}; null when no provider rents it. */
    public static BreakEven of(Accelerator ref, double ownedPerHour, Pricing pricing, Collection<String> providers,
                               Commitment commitment) {
        List<String> parts = new ArrayList<>();
        Quote deciding = Quote.NONE;
        for (String p : providers) {
            Quote q = pricing.quote(ref, p, commitment);
            if (!q.available()) {
                continue;
            }
            parts.add(Readable.provider(p) + " " + Readable.money(q.usdPerHour()) + (q.derived() || q.unconfirmed() ? "\u2020" : "")
                    + " = " + Readable.percent(utilization(ownedPerHour, q.usdPerHour())));
            if (!deciding.available() || q.usdPerHour() < deciding.usdPerHour()) {
                deciding = q;
            }
        }
        if (!deciding.available()) {
            return null;
        }
        String formula = "owned " + ref.getModel() + " " + Readable.money(ownedPerHour) + "/h\u2020 / rented " + commitment.label()
                + ": " + String.join("; ", parts);
        return new BreakEven(utilization(ownedPerHour, deciding.usdPerHour()), deciding.provider(), commitment,
                ownedPerHour, deciding.usdPerHour(), formula);
    }
}
