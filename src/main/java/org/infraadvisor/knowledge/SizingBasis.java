package org.infraadvisor.knowledge;

import org.infraadvisor.facts.AssumptionReads;

/**
 * The sizing constants of {@code assumptions.yaml}, read once per evaluation.
 *
 * @param usableMemoryFraction share of device memory a serving engine uses for the model and its KV cache
 * @param kvCacheFraction      KV cache and activation allowance as a share of the weights
 * @param referenceModelB      model size the catalogue's serving rates are for (70B)
 * @param smallModelExponent   damping of the speed-up below the reference size
 * @param targetUtilization    share of measured throughput production serving is planned at (headroom)
 * @param spareCopies          model copies added for redundancy (N+1)
 * @param prefillMfu           share of peak 8-bit compute prompt processing reaches
 * @param trainingMfu          share of peak BF16 compute training reaches
 * @param frontierDevices      training fleets of this many devices and more are frontier scale
 */
public record SizingBasis(double usableMemoryFraction, double kvCacheFraction, double referenceModelB,
                          double smallModelExponent, double targetUtilization, int spareCopies, double prefillMfu,
                          double trainingMfu, double frontierDevices) implements AssumptionReads.Bundle {

    // each accessor notes the assumption it hands out (see AssumptionReads)
    public double usableMemoryFraction() { return AssumptionReads.read("usable_memory_fraction", usableMemoryFraction); }
    public double kvCacheFraction() { return AssumptionReads.read("kv_cache_fraction", kvCacheFraction); }
    public double referenceModelB() { return AssumptionReads.read("reference_model_b", referenceModelB); }
    public double smallModelExponent() { return AssumptionReads.read("small_model_speedup_exponent", smallModelExponent); }
    public double targetUtilization() { return AssumptionReads.read("serving_target_utilization", targetUtilization); }
    public int spareCopies() { return (int) AssumptionReads.read("spare_model_copies", spareCopies); }
    public double prefillMfu() { return AssumptionReads.read("prefill_mfu", prefillMfu); }
    public double trainingMfu() { return AssumptionReads.read("training_mfu", trainingMfu); }
    public double frontierDevices() { return AssumptionReads.read("frontier_devices", frontierDevices); }
}
