package org.infraadvisor.facts;

/** The status of one AI-readiness pillar: {@code ready}, {@code gap} or {@code blocker}. */
public class Readiness {
    private final String pillar;
    private final String status;
    private final String reason;

    public Readiness(String pillar, String status, String reason) {
        this.pillar = pillar;
        this.status = status;
        this.reason = reason;
    }

    public String getPillar() {
        return pillar;
    }

    public String getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "Readiness" + "(" + pillar + ", " + status + ", " + reason + ")";
    }
}
