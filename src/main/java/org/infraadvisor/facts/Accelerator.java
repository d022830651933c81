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
    private final List<String> sources;
    private final List<String> roles;
    private final double devicesPerServer;
    private final double purchaseUnit;
    private final double scaleUpDevices;
    private final double rentUnit;
    private final Map<String, Object> extra;
    private final Map<String, org.infraadvisor.facts.CloudPrice> prices;
    private final boolean reference;
    private final double rackKw;

    /**
     * @param prices    what each provider charges per device-hour ({@code aws}, {@code azure}, {@code gcp}, {@code oci},
     *                  {@code gpu-cloud}); a part offered by no provider has none
     * @param reference the catalogue's reference part: the break-even is worked out on it, and it runs the training
     *                  of parts that cannot train
     * @param rackKw    power of one rack for parts sold only as racks (NaN otherwise)
     */
    public Accelerator(String id, String vendor, String model, String family, double memoryGb, double bandwidthTbs,
                       double bf16Tflops, double fp8Tflops, double powerW, boolean liquidCooled, List<String> availability,
                       String softwareStack, double tokensPerSecond, double purchaseUsd,
                       List<String> unconfirmed, String notes, List<String> sources, List<String> roles,
                       double devicesPerServer, double purchaseUnit, double scaleUpDevices, double rentUnit,
                       Map<String, Object> extra, Map<String, org.infraadvisor.facts.CloudPrice> prices, boolean reference,
                       double rackKw) {
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
        this.cloudHourlyUsd = prices.values().stream().mapToDouble(org.infraadvisor.facts.CloudPrice::onDemand)
                .filter(p -> !Double.isNaN(p)).min().orElse(Double.NaN);
        this.purchaseUsd = purchaseUsd;
        this.unconfirmed = unconfirmed;
        this.notes = notes;
        this.sources = sources;
        this.roles = roles;
        this.devicesPerServer = devicesPerServer;
        this.purchaseUnit = purchaseUnit;
        this.scaleUpDevices = scaleUpDevices;
        this.rentUnit = rentUnit;
        this.extra = extra;
        this.prices = Map.copyOf(prices);
        this.reference = reference;
        this.rackKw = rackKw;
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
    /** Output tokens per second one device sustains serving a 70B model at 8-bit under an interactive target (MLPerf-anchored, †). */
    public double getTokensPerSecond() { return tokensPerSecond; }
    /** The lowest on-demand price per device-hour among the providers that offer it (NaN when none does). */
    public double getCloudHourlyUsd() { return cloudHourlyUsd; }
    /** Prices per provider; commitments not listed are derived from on-demand. */
    public Map<String, org.infraadvisor.facts.CloudPrice> getPrices() { return prices; }
    public boolean isReference() { return reference; }
    /** Power of one rack for parts sold only as racks (GB200 NVL72: ~120 kW), NaN otherwise. */
    public double getRackKw() { return rackKw; }
    /** Providers that rent it. */
    public java.util.Set<String> getProviders() { return prices.keySet(); }
    public double getPurchaseUsd() { return purchaseUsd; }
    public List<String> getUnconfirmed() { return unconfirmed; }
    public String getNotes() { return notes; }
    /** Source ids or short citations of the figures ({@code S1}, {@code T4}, ...). */
    public List<String> getSources() { return sources; }
    /** What the part is offered for: {@code inference}, {@code fine-tuning}, {@code training}. */
    public List<String> getRoles() { return roles; }
    /** Devices in one server, instance or rack as usually bought or rented (8 for an HGX board, 72 for an NVL72 rack). */
    public double getDevicesPerServer() { return devicesPerServer; }
    /** Smallest number of devices bought together for owned hardware (a whole 8-GPU board, a whole rack); 1 for cards. */
    public double getPurchaseUnit() { return purchaseUnit; }
    /** Devices that share one fast scale-up domain (NVLink, Infinity Fabric, ICI); 1 for PCIe cards without a bridge. */
    public double getScaleUpDevices() { return scaleUpDevices; }
    /** Smallest number of devices one cloud instance offers (8 for most 8-GPU instance types, 1 for single-GPU shapes). */
    public double getRentUnit() { return rentUnit; }
    public Map<String, Object> getExtra() { return extra; }

    public boolean availableIn(String place) {
        return availability.contains(place);
    }

    public boolean isUnconfirmed(String field) {
        return unconfirmed.contains(field);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The name with a dagger when the figure behind {@code field} is unconfirmed, for explanations. */
    public String mark(String field) {
        return isUnconfirmed(field) ? "\u2020" : "";
    }

    /** The unconfirmed figures as a reader names them: "throughput", "purchase price". */
    public List<String> getUnconfirmedFigures() {
        return unconfirmed.stream().map(f -> FIGURES.getOrDefault(f, f)).toList();
    }

    private static final Map<String, String> FIGURES = Map.ofEntries(Map.entry("memoryGb", "memory"),
            Map.entry("bandwidthTbs", "memory bandwidth"), Map.entry("bf16Tflops", "BF16 compute"),
            Map.entry("fp8Tflops", "FP8 compute"), Map.entry("powerW", "power draw"), Map.entry("tokensPerSecond", "throughput"),
            Map.entry("purchaseUsd", "purchase price"), Map.entry("rackKw", "rack power"),
            Map.entry("devicesPerServer", "devices per server"), Map.entry("scaleUpDevices", "scale-up domain"));

    /** Vendor and model, e.g. "NVIDIA H200 SXM". */
    public String getName() {
        return vendor + " " + model;
    }

    @Override
    public String toString() {
        return vendor + " " + model;
    }
}
