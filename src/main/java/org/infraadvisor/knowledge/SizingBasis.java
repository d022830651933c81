package org.infraadvisor.knowledge;

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
                          double trainingMfu, double frontierDevices) {
}
