package org.infraadvisor.knowledge;

/** How cloud capacity is bought: the price basis of a quote. */
public enum Commitment {
    ON_DEMAND("on demand"),
    RESERVED_1Y("1-year reserved"),
    RESERVED_3Y("3-year reserved"),
    SPOT("spot");

    private final String label;

    Commitment(String label) {
        this.label = label;
    }

    /** How a reader names it: "on demand", "1-year reserved". */
    public String label() {
        return label;
    }
}
