package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;

import java.util.Collection;

/** Sizes one accelerator for the whole workload: serving, a second model, training, and what it costs per hour. */
public final class CandidateSizer {

    private final Workload work;
    private final SizingBasis basis;
    private final OwnedCost owned;
    private final Pricing pricing;
    private final Accelerator reference;
    private final int referenceTrainers;

    /**
     * @param reference         the part that runs the training a serving-only part cannot do
     * @param referenceTrainers reference devices one training run needs
     */
    public CandidateSizer(Workload work, SizingBasis basis, OwnedCost owned, Pricing pricing, Accelerator reference,
                          int referenceTrainers) {
        this.work = work;
        this.basis = basis;
        this.owned = owned;
        this.pricing = pricing;
        this.reference = reference;
        this.referenceTrainers = referenceTrainers;
    }

    /**
     * @param ownable whether the part may be owned here (offered for purchase and not excluded from owned facilities)
     * @param clouds  providers it may be rented from
     * @return the sized candidate, or null when it can run nowhere allowed
     */
    public Candidate size(Accelerator a, boolean ownable, Collection<String> clouds) {
        boolean onPrem = ownable && a.availableIn("on-prem");
        Quote quote = pricing.cheapest(a, clouds, work.commitment());
        if (!onPrem && !quote.available()) {
            return null;
        }
        return size(a, onPrem, quote, clouds, true);
    }

    /**
     * The devices the load needs on {@code a}, owned, without its cost: what the economics weigh before a part is
     * chosen, so that no price or owned-cost rate stands behind it.
     */
    public Candidate sizeUnpriced(Accelerator a) {
        return size(a, true, Quote.NONE, java.util.List.of(), false);
    }

    private Candidate size(Accelerator a, boolean onPrem, Quote quote, Collection<String> clouds, boolean priced) {
        ServingNeed sn = work.serving();
        DeviceRates rates = DeviceRates.of(a, Math.max(1e-6, sn.getActiveParamsB()), work.precisionFactor(),
                work.latencyFactor(), work.sixteenBit(), basis);
        ServingFleet fleet = ServingFleet.NONE;
        if (sn.isActive()) {
            int perCopy = ModelMemory.devicesPerCopy(sn.getMemoryGb(), a.getMemoryGb(), basis.usableMemoryFraction());
            fleet = ServingFleet.size(sn, rates, perCopy, basis.targetUtilization(), basis.spareCopies());
        }
        int second = secondModelDevices(a);
        TrainingNeed tn = work.training();
        boolean canTrain = a.hasRole(tn.role());
        int training = 0;
        double deviceHours = 0;
        int trainers = 0;
        if (tn.isActive() && canTrain) {
            deviceHours = TrainingCompute.deviceHours(tn.getFlops(), a.getBf16Tflops(), basis.trainingMfu());
            training = TrainingCompute.devices(tn.getMemoryGb(), a.getMemoryGb() * basis.usableMemoryFraction(),
                    deviceHours, tn.getRunHours());
        } else if (tn.isActive()) {
            trainers = referenceTrainers;
            deviceHours = TrainingCompute.deviceHours(tn.getFlops(), reference.getBf16Tflops(), basis.trainingMfu());
        }
        int count = Math.max(1, fleet.devices() + second + training);
        int units = Rounding.ceilTo(count, a.getPurchaseUnit());
        double ownedHourly = onPrem && priced ? units * owned.perDeviceHour(a) + ownedTrainers(trainers) : Double.NaN;
        double cloudHourly = quote.available()
                ? Rounding.ceilTo(count, a.getRentUnit()) * quote.usdPerHour() + rentedTrainers(trainers, clouds) : Double.NaN;
        return new Candidate(a, onPrem, quote, rates, fleet, second, training, deviceHours, trainers, count, units,
                ownedHourly, cloudHourly, training > 0 && training >= basis.frontierDevices());
    }

    private int secondModelDevices(Accelerator a) {
        SecondModel m = work.second();
        if (!m.present() || !work.serving().isActive()) {
            return 0;
        }
        int perCopy = ModelMemory.devicesPerCopy(m.memoryGb(), a.getMemoryGb(), basis.usableMemoryFraction());
        ServingNeed main = work.serving();
        if (!main.isLoadKnown() || m.share() >= 1) {
            return perCopy;
        }
        // the second model's share of the requests: the main load's tokens scaled by share / (1 - share)
        double scale = m.share() / (1 - m.share());
        ServingNeed load = ServingNeed.forLoad(0, m.memoryGb(), m.activeParamsB(), 1, main.getAveragePromptTps() * scale * 86_400,
                main.getAverageOutputTps() * scale * 86_400, main.getPeakFactor(), main.isQueued(), 1, false);
        DeviceRates rates = DeviceRates.of(a, m.activeParamsB(), work.precisionFactor(), work.latencyFactor(), work.sixteenBit(), basis);
        return ServingFleet.size(load, rates, perCopy, basis.targetUtilization(), 0).devices();
    }

    private double ownedTrainers(int trainers) {
        return trainers == 0 ? 0 : Rounding.ceilTo(trainers, reference.getPurchaseUnit()) * owned.perDeviceHour(reference);
    }

    private double rentedTrainers(int trainers, Collection<String> clouds) {
        if (trainers == 0) {
            return 0;
        }
        Quote q = pricing.cheapest(reference, clouds, work.trainingCommitment());
        return q.available() ? trainers * q.usdPerHour() : 0;
    }
}
