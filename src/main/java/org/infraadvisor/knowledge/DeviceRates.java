package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;

/**
 * What one device sustains for a given model: output tokens per second while generating (memory-bound: scales
 * inversely with the bytes of the active parameters) and prompt tokens per second while reading prompts
 * (compute-bound: 2 FLOPs per active parameter per token).
 *
 * @param decode  output tokens/s per device at the latency target
 * @param prefill prompt tokens/s per device
 */
public record DeviceRates(double decode, double prefill) {

    /**
     * @param activeParamsB     parameters active per token, in billions
     * @param precisionFactor   throughput relative to 8-bit serving (BF16 0.5, INT4 1.5)
     * @param latencyFactor     throughput relative to an interactive target (batch 2.5, realtime 0.5)
     * @param sixteenBitCompute prompts are processed at the BF16 rate (16-bit serving) rather than the 8-bit rate
     */
    public static DeviceRates of(Accelerator a, double activeParamsB, double precisionFactor, double latencyFactor,
                                 boolean sixteenBitCompute, SizingBasis basis) {
        double referenceB = basis.referenceModelB();
        // the damping exponent is read (and so listed behind the advice) only for a model below the reference size
        double speedup = activeParamsB >= referenceB ? referenceB / activeParamsB
                : speedup(activeParamsB, referenceB, basis.smallModelExponent());
        double decode = a.getTokensPerSecond() * speedup * precisionFactor * latencyFactor;
        double tflops = sixteenBitCompute || Double.isNaN(a.getFp8Tflops()) ? a.getBf16Tflops() : a.getFp8Tflops();
        return new DeviceRates(decode, prefillRate(tflops, basis.prefillMfu(), activeParamsB));
    }

    /** Prompt tokens/s of a device with {@code tflops} peak at {@code mfu}: 2 FLOPs per active parameter per token. */
    public static double prefillRate(double tflops, double mfu, double activeParamsB) {
        return tflops * 1e12 * mfu / (2 * activeParamsB * 1e9);
    }

    /** Throughput relative to the reference size: inversely with size above it, damped below it. */
    public static double speedup(double modelB, double referenceB, double exponent) {
        return modelB >= referenceB ? referenceB / modelB : Math.pow(referenceB / modelB, exponent);
    }
}
