package org.infraadvisor.knowledge;

/**
 * Everything about the load that sizes a device, in one fact: serving, training, an occasional second model, and the
 * factors of the chosen precision and latency target.
 *
 * @param precision         BF16, FP8 or INT4
 * @param precisionFactor   throughput relative to 8-bit serving
 * @param latencyFactor     throughput relative to an interactive target
 * @param commitment        how rented serving capacity is bought for this load (reserved when steady, spot for batch)
 * @param trainingCommitment how rented training capacity is bought (spot for fine-tunes, reserved when steady)
 */
public record Workload(ServingNeed serving, TrainingNeed training, SecondModel second, String precision,
                       double precisionFactor, double latencyFactor, Commitment commitment,
                       Commitment trainingCommitment) {

    public boolean sixteenBit() {
        return "BF16".equals(precision);
    }
}
