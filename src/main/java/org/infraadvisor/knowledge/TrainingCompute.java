package org.infraadvisor.knowledge;

/**
 * Training arithmetic: FLOPs ~ 6 x active parameters x tokens; device-hours = FLOPs / (peak FLOPS x MFU); a run
 * needs enough devices to hold the training state and to finish in its target time.
 */
public final class TrainingCompute {

    private TrainingCompute() {
    }

    /** FLOPs of one run: {@code flopsPerParamToken} (6) x active parameters x tokens, both in billions. */
    public static double flops(double activeParamsB, double tokensB, double flopsPerParamToken) {
        return flopsPerParamToken * activeParamsB * 1e9 * tokensB * 1e9;
    }

    /** Device-hours of one run on a device of {@code peakTflops} reaching {@code mfu} of it. */
    public static double deviceHours(double flops, double peakTflops, double mfu) {
        return flops / (peakTflops * 1e12 * mfu) / 3600;
    }

    /** Devices for one run: enough to hold the state, and to finish in {@code runHours}; whole 8-device servers above eight. */
    public static int devices(double stateGb, double usableGbPerDevice, double deviceHours, double runHours) {
        int forMemory = Rounding.roundUp(stateGb / usableGbPerDevice);
        int forTime = Double.isNaN(deviceHours) ? 0 : Rounding.roundUp(deviceHours / runHours);
        int n = Math.max(1, Math.max(forMemory, forTime));
        return n > 8 ? Rounding.ceilTo(n, 8) : n;
    }
}
