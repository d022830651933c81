package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;

/**
 * One accelerator sized for the whole workload, with where it can run and what that costs per hour.
 *
 * @param trainingDevices devices for one training run on this part (0 when it cannot train or nothing is trained)
 * @param trainers        reference devices that run the training this part cannot do (0 otherwise)
 * @param ownedHourly     USD/h for the owned units (purchase written off, energy, space; no staff), NaN when not owned
 * @param quote           the rented price per device-hour at the cheapest allowed provider, {@link Quote#NONE} when not rented
 * @param cloudHourly     USD/h for the rented devices (whole instances), NaN when not rented
 * @param frontier        one training run needs a frontier-scale fleet of this part
 */
public record Candidate(Accelerator accelerator, boolean onPrem, Quote quote, DeviceRates rates, ServingFleet fleet,
                        int secondModelDevices, int trainingDevices, double trainingDeviceHours, int trainers,
                        int count, int ownedUnits, double ownedHourly, double cloudHourly, boolean frontier) {

    // getters for DRL patterns
    public Accelerator getAccelerator() { return accelerator; }
    public boolean isOnPrem() { return onPrem; }
    public boolean isCloud() { return quote.available(); }
    public String getCloudProvider() { return quote.provider(); }
    public int getMemoryDevices() { return fleet.perCopy(); }
    public int getServingDevices() { return fleet.devices(); }
    public double getAverageDevices() { return fleet.averageDevices(); }
    public int getSecondModelDevices() { return secondModelDevices; }
    public int getTrainingDevices() { return trainingDevices; }
    public int getTrainers() { return trainers; }
    public int getCount() { return count; }
    public int getOwnedUnits() { return ownedUnits; }
    public double getOwnedHourly() { return ownedHourly; }
    public double getCloudHourly() { return cloudHourly; }
    /** Output tokens per second one device sustains for this model: how fast it serves. */
    public double getRatePerDevice() { return rates.decode(); }
    public boolean isFrontier() { return frontier; }

    /** The hourly cost where it runs: owned for {@code on-prem}, rented for {@code cloud}. */
    public double costIn(String placement) {
        return "cloud".equals(placement) ? cloudHourly : ownedHourly;
    }

    @Override
    public String toString() {
        return count + " \u00d7 " + accelerator.getName();
    }
}
