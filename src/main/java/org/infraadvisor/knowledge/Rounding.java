package org.infraadvisor.knowledge;

/** Whole devices from fractional ones. */
public final class Rounding {

    private Rounding() {
    }

    /** Rounds up, ignoring floating-point dust (2.0000000001 stays 2); capped at a billion so absurd loads cannot overflow. */
    public static int roundUp(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        return (int) Math.max(0, Math.min(1e9, Math.ceil(x - 1e-9)));
    }

    /** Rounds up to a whole multiple (whole 8-GPU servers, whole instances). */
    public static int ceilTo(double x, int multiple) {
        if (multiple <= 1) {
            return roundUp(x);
        }
        return (int) Math.min(1e9, (double) roundUp(x / multiple) * multiple);
    }

    public static int ceilTo(double x, double multiple) {
        return ceilTo(x, (int) Math.max(1, Math.round(multiple)));
    }

    /** Devices one model copy is split over: tensor-parallel groups of 1, 2, 4 or 8, then whole 8-device servers. */
    public static int parallelGroup(double devices) {
        int n = roundUp(devices);
        if (n <= 1) return 1;
        if (n <= 2) return 2;
        if (n <= 4) return 4;
        if (n <= 8) return 8;
        return ceilTo(n, 8);
    }
}
