package org.infraadvisor.facts;

import java.util.List;
import java.util.Map;

/**
 * One entry of the accelerator catalogue ({@code rules/catalogue/accelerators.yaml}). Numbers that the
 * catalogue marks as unconfirmed are listed in {@code unconfirmed} by field name, so rules can say so.
 */
public class Accelerator {
    private final String id;
    private final String vendor;
    private final String model;
    private final String family;
    private final double memoryGb;
    private final double bandwidthTbs;
    private final double bf16Tflops;
    private final double fp8Tflops;
    private final double powerW;
    private final boolean liquidCooled;
    private final List<String> availability;
    private final String softwareStack;
    private final double tokensPerSecond;
    private final double cloudHourlyUsd;
    private final double purchaseUsd;
    private final List<String> unconfirmed;
    private final String notes;
    private final Map<String, Object> extra;

    public Accelerator(String id, String vendor, String model, String family, double memoryGb, double bandwidthTbs,
                       double bf16Tflops, double fp8Tflops, double powerW, boolean liquidCooled, List<String> availability,
                       String softwareStack, double tokensPerSecond, double cloudHourlyUsd, double purchaseUsd,
                       List<String> unconfirmed, String notes, Map<String, Object> extra) {
        this.id = id;
        this.vendor = vendor;
        this.model = model;
        this.family = family;
        this.memoryGb = memoryGb;
        this.bandwidthTbs = bandwidthTbs;
        this.bf16Tflops = bf16Tflops;
        this.fp8Tflops = fp8Tflops;
        this.powerW = powerW;
        this.liquidCooled = liquidCooled;
        this.availability = availability;
        this.softwareStack = softwareStack;
        this.tokensPerSecond = tokensPerSecond;
        this.cloudHourlyUsd = cloudHourlyUsd;
        this.purchaseUsd = purchaseUsd;
        this.unconfirmed = unconfirmed;
        this.notes = notes;
        this.extra = extra;
    }

    public String getId() { return id; }
    public String getVendor() { return vendor; }
    public String getModel() { return model; }
    public String getFamily() { return family; }
    public double getMemoryGb() { return memoryGb; }
    public double getBandwidthTbs() { return bandwidthTbs; }
    public double getBf16Tflops() { return bf16Tflops; }
    public double getFp8Tflops() { return fp8Tflops; }
    public double getPowerW() { return powerW; }
    public boolean isLiquidCooled() { return liquidCooled; }
    /** Where it can be had: {@code on-prem}, {@code aws}, {@code azure}, {@code gcp}, {@code oci}. */
    public List<String> getAvailability() { return availability; }
    /** {@code cuda}, {@code rocm}, {@code gaudi}, {@code xla}, {@code neuron} or {@code cpu}. */
    public String getSoftwareStack() { return softwareStack; }
    /** Assumed sustained output tokens per second per device for a mid-size model, for sizing. */
    public double getTokensPerSecond() { return tokensPerSecond; }
    public double getCloudHourlyUsd() { return cloudHourlyUsd; }
    public double getPurchaseUsd() { return purchaseUsd; }
    public List<String> getUnconfirmed() { return unconfirmed; }
    public String getNotes() { return notes; }
    public Map<String, Object> getExtra() { return extra; }

    public boolean availableIn(String place) {
        return availability.contains(place);
    }

    public boolean isUnconfirmed(String field) {
        return unconfirmed.contains(field);
    }

    @Override
    public String toString() {
        return vendor + " " + model;
    }
}
