package org.infraadvisor.facts;

/**
 * A number the rules assume (a price, a rate, a rule of thumb) from {@code rules/catalogue/assumptions.yaml},
 * with its unit and source so the explanation can show it. {@code confirmed} is false for figures the
 * catalogue marks as unconfirmed.
 */
public class Assumption {
    private final String key;
    private final String label;
    private final double value;
    private final String unit;
    private final String source;
    private final boolean confirmed;

    public Assumption(String key, double value, String unit, String source, boolean confirmed) {
        this(key, null, value, unit, source, confirmed);
    }

    /** @param label what the figure is, in a reader's words (the key is for rules and authors) */
    public Assumption(String key, String label, double value, String unit, String source, boolean confirmed) {
        this.key = key;
        this.label = label;
        this.value = value;
        this.unit = unit;
        this.source = source;
        this.confirmed = confirmed;
    }

    public String getKey() { return key; }
    public String getLabel() { return label; }
    public double getValue() { return value; }
    public String getUnit() { return unit; }
    public String getSource() { return source; }
    public boolean isConfirmed() { return confirmed; }

    @Override
    public String toString() {
        return key + " = " + value + " " + unit + (confirmed ? "" : " (unconfirmed)");
    }
}
