package org.infraadvisor.facts;

/** The status of one AI-readiness pillar: {@code ready}, {@code gap} or {@code blocker}. */
public class Readiness {

    /** The readiness pillars the API enumerates, in the order the scorecard shows them. */
    public static final java.util.List<String> PILLARS = java.util.List.of("compute", "networking", "storage",
            "data-pipelines", "security", "observability", "operations");
    /** The statuses of a pillar. */
    public static final java.util.List<String> STATUSES = java.util.List.of("ready", "gap", "blocker");
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
