package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.format.Readable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Owning is cheaper than renting once owned hardware is busy more than owned cost per device-hour / rented price per
 * device-hour of the time. Worked out per provider on the reference part. The provider you use decides; when you
 * may use several (or have not chosen), a typical one does: the median of their prices, so that one low or high
 * quote does not decide the strategy on its own.
 *
 * @param utilization the deciding break-even (may exceed 1: owning never pays off over the horizon)
 * @param against     whose price decides, as a reader names it ("AWS", "the median of the major clouds")
 * @param formula     the arithmetic for every provider considered
 */
public record BreakEven(double utilization, String against, Commitment commitment, double ownedHourly,
                        double cloudHourly, String formula) {

    public double getUtilization() { return utilization; }
    public String getAgainst() { return against; }

    public static double utilization(double ownedPerHour, double cloudPerHour) {
        return ownedPerHour / cloudPerHour;
    }

    /** The break-even of owning {@code ref} against each provider's price at {@code commitment}; null when no provider rents it. */
    public static BreakEven of(Accelerator ref, double ownedPerHour, Pricing pricing, Collection<String> providers,
                               Commitment commitment) {
        List<String> parts = new ArrayList<>();
        List<Quote> quotes = new ArrayList<>();
        for (String p : providers) {
            Quote q = pricing.quote(ref, p, commitment);
            if (q.available()) {
                quotes.add(q);
                parts.add(Readable.provider(p) + " " + Readable.money(q.usdPerHour()) + (q.derived() || q.unconfirmed() ? "\u2020" : "")
                        + " = " + Readable.percent(utilization(ownedPerHour, q.usdPerHour())));
            }
        }
        if (quotes.isEmpty()) {
            return null;
        }
        double price = median(quotes.stream().mapToDouble(Quote::usdPerHour).sorted().toArray());
        String against = quotes.size() == 1 ? Readable.provider(quotes.get(0).provider()) : "the median of the major clouds";
        String formula = "owned " + ref.getModel() + " " + Readable.money(ownedPerHour) + "\u2020 per GPU-hour / rented "
                + commitment.label() + ": " + String.join("; ", parts) + (quotes.size() > 1 ? "; median " + Readable.money(price)
                + " = " + Readable.percent(utilization(ownedPerHour, price)) : "");
        return new BreakEven(utilization(ownedPerHour, price), against, commitment, ownedPerHour, price, formula);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
