package org.infraadvisor.facts;

/** A sizing figure with the formula and assumptions that produced it. */
public class Sizing {
    private final String name;
    private final double value;
    private final String unit;
    private final String formula;

    public Sizing(String name, double value, String unit, String formula) {
        this.name = name;
        this.value = value;
        this.unit = unit;
        this.formula = formula;
    }

    public String getName() {
        return name;
    }

    public double getValue() {
        return value;
    }

    public String getUnit() {
        return unit;
    }

    public String getFormula() {
        return formula;
    }

    @Override
    public String toString() {
        return "Sizing" + "(" + name + ", " + value + ", " + unit + ", " + formula + ")";
    }
}
