package org.infraadvisor.facts;

/** One step of the pilot-to-production plan; lower {@code order} comes first. */
public class PlanStep {
    private final int order;
    private final String title;
    private final String detail;

    public PlanStep(int order, String title, String detail) {
        this.order = order;
        this.title = title;
        this.detail = detail;
    }

    public int getOrder() {
        return order;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }

    @Override
    public String toString() {
        return "PlanStep" + "(" + order + ", " + title + ", " + detail + ")";
    }
}
