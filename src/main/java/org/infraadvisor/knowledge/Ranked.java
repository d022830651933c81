package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;

import java.util.ArrayList;
import java.util.List;

/**
 * An option's final score where it would run, with the reasons a reader sees. Every option is scored, but only the
 * shortlisted few are shown, so the reasons are worded when asked for, not when scored.
 *
 * @param cheapestCost the hourly cost of the cheapest acceptable option where it would run
 * @param notes        how it compares with cheaper, faster options
 */
public record Ranked(Option option, double score, double cheapestCost, List<String> notes) {

    public Accelerator getAccelerator() { return option.getAccelerator(); }
    public Candidate getCandidate() { return option.candidate(); }
    public String getPlacement() { return option.placement(); }
    public double getScore() { return score; }
    public int getFitPoints() { return option.fitPoints(); }
    public String getReasons() { return reasons(); }

    /** What it costs against the cheapest option, its fits and drawbacks, then how it compares, separated by "; ". */
    public String reasons() {
        List<String> reasons = new ArrayList<>(1 + option.reasons().size() + notes.size());
        reasons.add(Ranking.lead(option, cheapestCost));
        reasons.addAll(option.reasons());
        reasons.addAll(notes);
        return String.join("; ", reasons);
    }
}
