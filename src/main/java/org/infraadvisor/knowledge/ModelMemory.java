package org.infraadvisor.knowledge;

/**
 * Accelerator memory a model needs: weights = parameters x bytes per parameter; serving adds room for the KV cache;
 * full training keeps ~16 bytes per parameter.
 */
public final class ModelMemory {

    private ModelMemory() {
    }

    /** Weights in GB: parameters in billions x bytes per parameter (BF16 2, FP8 1, INT4 0.5). */
    public static double weightsGb(double paramsB, double bytesPerParam) {
        return paramsB * bytesPerParam;
    }

    /** One serving copy: weights plus the KV cache and activation allowance as a share of the weights. */
    public static double servingGb(double weightsGb, double kvCacheFraction) {
        return weightsGb * (1 + kvCacheFraction);
    }

    /** Devices one copy is split over, at {@code usableFraction} of each device's memory, in tensor-parallel groups. */
    public static int devicesPerCopy(double copyGb, double deviceGb, double usableFraction) {
        return Rounding.parallelGroup(copyGb / (deviceGb * usableFraction));
    }
}
