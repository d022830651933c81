package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.format.Readable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Scores an option: 50 + up to 30 for cost-efficiency (the cheapest option for the load gets 30, one costing twice as
 * much 15) + its fits, within 0..100. An option that costs at least as much as another and serves no faster per
 * device never outranks it, unless its named fits (software, placement, facility, skills) outweigh the other's; the
 * reason then says which.
 */
public final class Ranking {

    public static final double BASE = 50;
    public static final double EFFICIENCY = 30;

    private Ranking() {
    }

    /**
     * The cheapest cost per placement among options without a serious drawback, or among all of a placement's options
     * when each has one: the yardstick cost-efficiency is measured against.
     */
    public static java.util.Map<String, Double> yardsticks(Collection<?> options) {
        java.util.Map<String, Double> acceptable = new java.util.TreeMap<>();
        java.util.Map<String, Double> any = new java.util.TreeMap<>();
        for (Object x : options) {
            Option o = (Option) x;
            any.merge(o.placement(), o.cost(), Math::min);
            if (!o.isSerious()) {
                acceptable.merge(o.placement(), o.cost(), Math::min);
            }
        }
        any.putAll(acceptable);
        return any;
    }

    /** The score before comparison with better options. */
    public static double raw(Option o, double cheapestCost) {
        double efficiency = o.cost() <= 0 ? EFFICIENCY : EFFICIENCY * Math.min(1, cheapestCost / o.cost());
        return Math.max(0, Math.min(100, BASE + efficiency + o.fitPoints()));
    }

    /** Whether {@code better} costs no more and serves no slower than {@code o}, and is strictly better in one of them. */
    public static boolean dominates(Option better, Option o) {
        return better != o && better.getAccelerator() != o.getAccelerator()
                && better.cost() <= o.cost() && better.getRate() >= o.getRate()
                && (better.cost() < o.cost() || better.getRate() > o.getRate());
    }

    /**
     * @param cheaperAndFaster options in the same placement that cost no more and serve no slower (may include {@code o})
     */
    public static Ranked score(Option o, double cheapestCost, Collection<?> cheaperAndFaster) {
        double score = raw(o, cheapestCost);
        List<String> notes = new ArrayList<>();
        for (Object x : cheaperAndFaster) {
            Option better = (Option) x;
            double cap = raw(better, cheapestCost);
            if (!dominates(better, o) || score < cap) {
                continue;
            }
            String name = better.getAccelerator().getModel();
            if (o.namedPoints() > better.namedPoints()) {
                notes.add(better.namedDrawbacks().isEmpty()
                        ? "ranks above the cheaper, faster " + name + " for: " + String.join(", ", o.namedReasons())
                        : "ranks above the cheaper, faster " + name + ", which weighs less here: " + String.join(", ", better.namedDrawbacks()));
            } else {
                score = Math.min(score, cap - 0.1);
                notes.add("costs more and serves less than " + name + ", so ranks below it");
            }
        }
        score = Math.round(Math.max(0, score) * 10) / 10.0;
        return new Ranked(o, score, cheapestCost, notes.isEmpty() ? List.of() : notes);
    }

    /**
     * What a buyer needs first: how many, how they are bought or rented and what that costs per hour, against the
     * cheapest option there. The arithmetic behind the count is in the sizing formulas.
     */
    static String lead(Option o, double cheapestCost) {
        Candidate c = o.candidate();
        Accelerator a = c.accelerator();
        String device = Readable.device(a.getSoftwareStack());
        StringBuilder s = new StringBuilder(Readable.times(c.getCount(), a.getModel()));
        if ("cloud".equals(o.placement())) {
            s.append(' ').append(c.quote().describe(device));
            int instances = Rounding.roundUp(Rounding.ceilTo(c.getCount(), a.getRentUnit()) / Math.max(1, a.getRentUnit()));
            s.append(a.getRentUnit() > 1 ? " (" + Readable.rented(instances, Readable.unit(a.getRentUnit(), device, "instance"), o.cost()) + ")"
                    : ": ~" + Readable.price(o.cost(), "h"));
        } else {
            s.append(" to own");
            if (a.getPurchaseUnit() > 1) {
                s.append(" (").append(Readable.times(c.getOwnedUnits() / Rounding.roundUp(a.getPurchaseUnit()),
                        Readable.unit(a.getPurchaseUnit(), device, a.getPurchaseUnit() > a.getDevicesPerServer() ? "rack" : "server")))
                        .append(')');
            }
            s.append(": ~").append(Readable.price(o.cost(), "h")).append(" with energy and space");
        }
        if (c.getTrainers() > 0) {
            s.append(", with ").append(Readable.count(c.getTrainers(), "reference GPU", "reference GPUs")).append(" for training");
        }
        return s.append(o.cost() <= cheapestCost ? ", the cheapest option" : " (cheapest option ~" + Readable.price(cheapestCost, "h") + ")")
                .toString();
    }
}
