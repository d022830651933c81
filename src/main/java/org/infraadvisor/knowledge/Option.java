package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A candidate where it could run (owned or rented) with the fits that apply there.
 *
 * @param cost        USD/h for the load there
 * @param fitPoints   sum of all fits; -25 or less is a serious drawback
 * @param namedPoints sum of the software, placement, facility and skills fits
 * @param namedReasons    the reasons of its named fits that count for it
 * @param namedDrawbacks  the reasons of its named fits that count against it
 */
public record Option(Candidate candidate, String placement, double cost, int fitPoints, int namedPoints,
                     List<String> reasons, List<String> namedReasons, List<String> namedDrawbacks) {

    public static final int SERIOUS = -25;
    /** Where an option, a fit or an exclusion applies: {@code any}, owned ({@code on-prem}) or rented ({@code cloud}). */
    public static final java.util.Set<String> PLACEMENTS = java.util.Set.of("any", "on-prem", "cloud");

    /** The option of {@code candidate} in {@code placement}, with the fits (of any accelerator) that apply to it. */
    public static Option of(Candidate candidate, String placement, Collection<?> fits) {
        int points = 0;
        int named = 0;
        List<String> reasons = new ArrayList<>();
        List<String> namedReasons = new ArrayList<>();
        List<String> namedDrawbacks = new ArrayList<>();
        for (Object o : fits) {
            Fit f = (Fit) o;
            if (f.accelerator() != candidate.accelerator() || !f.appliesTo(placement)) {
                continue;
            }
            points += f.points();
            reasons.add(f.reason());
            if (f.isNamed()) {
                named += f.points();
                (f.points() >= 0 ? namedReasons : namedDrawbacks).add(f.reason());
            }
        }
        return new Option(candidate, placement, candidate.costIn(placement), points, named, List.copyOf(reasons),
                List.copyOf(namedReasons), List.copyOf(namedDrawbacks));
    }

    public Accelerator getAccelerator() { return candidate.accelerator(); }
    public Candidate getCandidate() { return candidate; }
    public String getPlacement() { return placement; }
    public double getCost() { return cost; }
    public double getRate() { return candidate.getRatePerDevice(); }
    public int getFitPoints() { return fitPoints; }
    public int getNamedPoints() { return namedPoints; }
    public boolean isSerious() { return fitPoints <= SERIOUS; }
}
