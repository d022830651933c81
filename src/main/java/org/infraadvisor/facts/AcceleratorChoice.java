package org.infraadvisor.facts;

/** A recommended accelerator; {@code count} is how many the stated load needs, {@code score} orders the list (highest first). */
public class AcceleratorChoice implements SharedConclusion {
    private final String vendor;
    private final String model;
    private final int count;
    private final double score;
    private final String reason;

    public AcceleratorChoice(String vendor, String model, int count, double score, String reason) {
        this.vendor = vendor;
        this.model = model;
        this.count = count;
        this.score = score;
        this.reason = reason;
    }

    public String getVendor() {
        return vendor;
    }

    public String getModel() {
        return model;
    }

    public int getCount() {
        return count;
    }

    public double getScore() {
        return score;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "AcceleratorChoice" + "(" + vendor + ", " + model + ", " + count + ", " + score + ", " + reason + ")";
    }
}
