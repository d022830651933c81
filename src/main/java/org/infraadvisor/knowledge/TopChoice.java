package org.infraadvisor.knowledge;

import org.infraadvisor.facts.SharedConclusion;

/** The best-ranked accelerator where the strategy puts it: the part sizing, costs, readiness and risks are worked out for. */
public record TopChoice(Candidate candidate) implements SharedConclusion {

    public Candidate getCandidate() { return candidate; }
}
