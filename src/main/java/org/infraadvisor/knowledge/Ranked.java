package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;

/** An option's final score where it would run, with the reasons a reader sees. */
public record Ranked(Option option, double score, String reasons) {

    public Accelerator getAccelerator() { return option.getAccelerator(); }
    public Candidate getCandidate() { return option.candidate(); }
    public String getPlacement() { return option.placement(); }
    public double getScore() { return score; }
    public int getFitPoints() { return option.fitPoints(); }
    public String getReasons() { return reasons; }
}
