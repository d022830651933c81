package org.infraadvisor.knowledge;

/**
 * Training or fine-tuning the workload needs. Always present; {@code active} is false when nothing is trained.
 *
 * @param method       {@code full} (all parameters, ~16 bytes each), {@code LoRA} (adapters on a frozen base) or {@code none}
 * @param flops        FLOPs of one run (6 x active parameters x tokens)
 * @param runHours     target wall-clock time of one run
 * @param runsPerYear  fine-tuning runs per year (NaN for full training, which keeps its fleet busy a share of the year)
 * @param busyFraction share of the year a full-training fleet runs
 */
public final class TrainingNeed {

    private final boolean active;
    private final String method;
    private final double memoryGb;
    private final double flops;
    private final double runHours;
    private final double runsPerYear;
    private final double busyFraction;

    public TrainingNeed(boolean active, String method, double memoryGb, double flops, double runHours,
                        double runsPerYear, double busyFraction) {
        this.active = active;
        this.method = method;
        this.memoryGb = memoryGb;
        this.flops = flops;
        this.runHours = runHours;
        this.runsPerYear = runsPerYear;
        this.busyFraction = busyFraction;
    }

    public static TrainingNeed none() {
        return new TrainingNeed(false, "none", 0, 0, 0, 0, 0);
    }

    public boolean isActive() { return active; }
    public String getMethod() { return method; }
    public double getMemoryGb() { return memoryGb; }
    public double getFlops() { return flops; }
    public double getRunHours() { return runHours; }
    public double getRunsPerYear() { return runsPerYear; }
    public double getBusyFraction() { return busyFraction; }

    public boolean isFull() {
        return "full".equals(method);
    }

    /** The catalogue role a part needs for this training: {@code training} or {@code fine-tuning}. */
    public String role() {
        return isFull() ? "training" : "fine-tuning";
    }

    @Override
    public String toString() {
        return active ? "TrainingNeed(" + method + ", " + memoryGb + " GB, " + flops + " FLOPs per run)" : "TrainingNeed(none)";
    }
}
