package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.AssumptionReads;

/**
 * The owned-cost rates of {@code assumptions.yaml}, read once per evaluation: purchase overhead and write-off,
 * energy, space and staff. Every owned cost in the advice comes from here.
 *
 * @param typicalPowerFactor server kW per accelerator kW at typical draw (energy is paid on it)
 * @param maxPowerFactor     server kW per accelerator kW at maximum draw (racks, power and space are planned on it)
 */
public record OwnedCost(double writeOffYears, double infraOverhead, double usdPerKwh, double pue,
                        double typicalPowerFactor, double maxPowerFactor, double facilityUsdPerKwMonth,
                        double fteUsdPerYear, double devicesPerFte, double minFte) implements AssumptionReads.Bundle {

    public static final double HOURS_PER_YEAR = 8760;

    // each accessor notes the assumption it hands out (see AssumptionReads); the methods below use only these
    public double writeOffYears() { return AssumptionReads.read("hardware_life_years", writeOffYears); }
    public double infraOverhead() { return AssumptionReads.read("infra_overhead_fraction", infraOverhead); }
    public double usdPerKwh() { return AssumptionReads.read("power_usd_per_kwh", usdPerKwh); }
    public double pue() { return AssumptionReads.read("pue", pue); }
    public double typicalPowerFactor() { return AssumptionReads.read("server_power_typical_factor", typicalPowerFactor); }
    public double maxPowerFactor() { return AssumptionReads.read("server_power_max_factor", maxPowerFactor); }
    public double facilityUsdPerKwMonth() { return AssumptionReads.read("facility_usd_per_kw_month", facilityUsdPerKwMonth); }
    public double fteUsdPerYear() { return AssumptionReads.read("ops_fte_usd_per_year", fteUsdPerYear); }
    public double devicesPerFte() { return AssumptionReads.read("ops_devices_per_fte", devicesPerFte); }
    public double minFte() { return AssumptionReads.read("ops_min_fte", minFte); }

    /** What one owned device costs per hour of its life, busy or idle: purchase written off, energy and space; no staff. */
    public double perDeviceHour(Accelerator a, double writeOffYears) {
        double capex = a.getPurchaseUsd() * (1 + infraOverhead()) / (writeOffYears * HOURS_PER_YEAR);
        return capex + typicalKw(a, 1) * pue() * usdPerKwh() + maxKw(a, 1) * facilityUsdPerKwMonth() * 12 / HOURS_PER_YEAR;
    }

    public double perDeviceHour(Accelerator a) {
        return perDeviceHour(a, writeOffYears());
    }

    /** Server power at typical draw for {@code devices} accelerators, in kW. */
    public double typicalKw(Accelerator a, double devices) {
        return maxKw(a, devices) * typicalPowerFactor() / maxPowerFactor();
    }

    /**
     * Server power at maximum draw for {@code devices} accelerators, in kW: what racks and cooling must carry. Parts
     * sold as racks use the published rack power; others the accelerators' power x the server factor.
     */
    public double maxKw(Accelerator a, double devices) {
        if (!Double.isNaN(a.getRackKw())) {
            return devices * a.getRackKw() / a.getDevicesPerServer();
        }
        return devices * a.getPowerW() / 1000 * maxPowerFactor();
    }

    /** Staff for an owned fleet: one FTE per {@code devicesPerFte} accelerators, never less than {@code minFte}. */
    public double fte(double devices) {
        return Math.max(minFte(), devices / devicesPerFte());
    }

    /** Owning {@code units} devices over {@code years}: purchases (renewed when the horizon outlasts the life), energy, space, staff. */
    public Breakdown overHorizon(Accelerator a, int units, double years) {
        double purchases = Math.max(1.0, years / writeOffYears());
        double capex = units * a.getPurchaseUsd() * (1 + infraOverhead()) * purchases;
        double energy = typicalKw(a, units) * pue() * usdPerKwh() * HOURS_PER_YEAR * years;
        double space = maxKw(a, units) * facilityUsdPerKwMonth() * 12 * years;
        double fte = fte(units);
        double staff = fte * fteUsdPerYear() * years;
        return new Breakdown(units, purchases, capex, typicalKw(a, units), maxKw(a, units), energy, space, fte, staff);
    }

    /** The parts of an owned cost over a horizon. */
    public record Breakdown(int units, double purchases, double capex, double typicalKw, double maxKw, double energy,
                            double space, double fte, double staff) {
        public double total() {
            return capex + energy + space + staff;
        }
    }
}
