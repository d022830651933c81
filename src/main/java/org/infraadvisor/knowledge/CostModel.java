package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.format.Readable;

import java.util.Collection;

import static org.infraadvisor.format.Readable.compact;
import static org.infraadvisor.format.Readable.money;
import static org.infraadvisor.format.Readable.number;
import static org.infraadvisor.format.Readable.percent;

/**
 * What each strategy costs over the horizon, on the parts the rules chose to price it on. Renting pays device-hours
 * at the commitment that suits the load (reserved when steady, spot for batch and fine-tunes, else on demand and
 * autoscaled); owning pays purchases, energy, space and staff; a hybrid owns the average load and rents the peaks and
 * the training runs.
 */
public final class CostModel {

    /** A total with the arithmetic behind it, for a reader. */
    public record Estimate(double total, String text) {
    }

    private final Workload work;
    private final Pricing pricing;
    private final OwnedCost owned;
    private final CostTerms terms;
    private final Collection<String> clouds;
    private final Accelerator reference;
    private final double modelB;

    public CostModel(Workload work, Pricing pricing, OwnedCost owned, CostTerms terms, Collection<String> clouds,
                     Accelerator reference, double modelB) {
        this.work = work;
        this.pricing = pricing;
        this.owned = owned;
        this.terms = terms;
        this.clouds = clouds;
        this.reference = reference;
        this.modelB = modelB;
    }

    /** Renting everything in the cloud, on {@code c}. */
    public Estimate rent(Candidate c, String note) {
        StringBuilder text = new StringBuilder("Priced on ").append(note).append(" over ").append(years()).append(". ");
        double total = 0;
        ServingFleet fleet = c.fleet();
        if (work.serving().isActive()) {
            Quote q = pricing.quote(c.accelerator(), c.quote().provider(), work.commitment());
            double devices = rentedServingDevices(c);
            double dedicated = devices * q.usdPerHour() * terms.hours();
            text.append("Serving: ").append(number(devices)).append(" \u00d7 ").append(c.accelerator().getModel())
                    .append(work.commitment() == Commitment.RESERVED_1Y ? " " : " on average ").append(q.describe(device(c.accelerator())))
                    .append(" = ").append(money(dedicated));
            double serving = dedicated;
            double perM = terms.apiUsdPerMTokens(modelB);
            if (work.serving().isLoadKnown() && !Double.isNaN(perM)) {
                double tokens = work.serving().getTokensPerYear() / Math.max(1e-9, 1 - work.second().share());
                double api = tokens * terms.years() / 1e6 * perM;
                text.append("; a managed endpoint: ").append(compact(tokens)).append(" tokens a year \u00d7 ")
                        .append(money(perM)).append("\u2020 per million = ").append(money(api));
                if (api < dedicated) {
                    serving = api;
                    text.append(", the cheaper way to rent");
                }
            }
            if (c.getSecondModelDevices() > 0 && serving == dedicated) {
                double second = c.getSecondModelDevices() * q.usdPerHour() * terms.hours();
                serving += second;
                text.append("; the second model on ").append(number(c.getSecondModelDevices())).append(" more = ").append(money(second));
            }
            total += serving;
            text.append(". ");
            if (fleet.sites() > 1) {
                text.append("(Sites need answers locally; renting assumes a nearby region can serve them.) ");
            }
        }
        total += rentedTraining(c, text);
        text.append("No staff for hardware; egress and storage not included.");
        return new Estimate(Math.round(total), text.toString());
    }

    /** Owning everything, on {@code c}. */
    public Estimate own(Candidate c, String note) {
        Accelerator a = c.accelerator();
        OwnedCost.Breakdown b = owned.overHorizon(a, c.getOwnedUnits(), terms.years());
        double total = b.total();
        StringBuilder text = new StringBuilder("Priced on ").append(note).append(", ").append(number(c.getOwnedUnits()))
                .append(" bought, over ").append(years()).append(". ").append(describe(a, b));
        if (c.getTrainers() > 0) {
            int units = Rounding.ceilTo(c.getTrainers(), reference.getPurchaseUnit());
            OwnedCost.Breakdown t = owned.overHorizon(reference, units, terms.years());
            double extraStaff = (owned.fte(c.getOwnedUnits() + units) - owned.fte(c.getOwnedUnits())) * owned.fteUsdPerYear() * terms.years();
            double training = t.capex() + t.energy() + t.space() + extraStaff;
            total += training;
            text.append(" Training on ").append(number(units)).append(" \u00d7 ").append(reference.getModel()).append(": ")
                    .append(money(training)).append('.');
        }
        return new Estimate(Math.round(total), text.toString());
    }

    /** Owning the average load (all of it when it must run on site) and renting the peaks and training, on {@code own} and {@code rent}. */
    public Estimate hybrid(Candidate own, String ownNote, Candidate rent, String rentNote, boolean onSiteOnly) {
        StringBuilder text = new StringBuilder(ownNote.equals(rentNote) ? "Priced on " + ownNote
                : "Owned part on " + ownNote + ", rented part on " + rentNote).append(" over ").append(years()).append(". ");
        int ownedDevices = 0;
        double rented = 0;
        ServingFleet fleet = own.fleet();
        if (work.serving().isActive()) {
            if (onSiteOnly) {
                ownedDevices += fleet.devices() + own.getSecondModelDevices();
                text.append("Serving: own all ").append(number(fleet.devices())).append(" on site (answers cannot wait for the cloud). ");
            } else {
                int baseCopies = Math.max(1, Rounding.roundUp(fleet.averageDevices() / fleet.perCopy()));
                int baseline = (Math.min(baseCopies, fleet.copiesPerSite()) + fleet.sparePerSite()) * fleet.perCopy();
                ownedDevices += baseline;
                double peakDevices = Math.max(0, fleet.loadDevices() - (baseline - fleet.sparePerSite() * fleet.perCopy()));
                Quote q = pricing.quote(rent.accelerator(), rent.quote().provider(), Commitment.ON_DEMAND);
                double burst = peakDevices * terms.burstHoursFraction() * terms.hours() * q.usdPerHour();
                rented += burst;
                text.append("Serving: own ").append(number(baseline)).append(" for the average load, with a spare; rent the peaks: ")
                        .append(number(peakDevices)).append(" \u00d7 ").append(rent.accelerator().getModel()).append(' ')
                        .append(q.describe(device(rent.accelerator()))).append(", ").append(percent(terms.burstHoursFraction()))
                        .append("\u2020 of the hours = ").append(money(burst)).append(". ");
                if (own.getSecondModelDevices() > 0) {
                    double second = rent.getSecondModelDevices() * q.usdPerHour() * terms.hours();
                    rented += second;
                    text.append("Second model rented: ").append(money(second)).append(". ");
                }
            }
        }
        if (work.training().isActive()) {
            if (work.serving().isActive()) {
                rented += rentedTraining(rent, text);
            } else {
                int base = Math.max(1, Rounding.roundUp(own.getTrainingDevices() * work.training().getBusyFraction()));
                ownedDevices += base;
                double share = Math.max(0, 1 - (double) base / Math.max(1, own.getTrainingDevices()));
                Quote q = pricing.quote(rent.accelerator(), rent.quote().provider(), work.trainingCommitment());
                double training = rent.getTrainingDevices() * share * q.usdPerHour() * terms.hours() * work.training().getBusyFraction();
                rented += training;
                text.append("Training: own ").append(number(base)).append(", rent the other ").append(percent(share))
                        .append(" of each run's devices while runs go = ").append(money(training)).append(". ");
            }
        }
        Accelerator a = own.accelerator();
        int units = Rounding.ceilTo(ownedDevices, a.getPurchaseUnit());
        OwnedCost.Breakdown b = owned.overHorizon(a, units, terms.years());
        text.append("Owned ").append(Readable.times(units, a.getModel())).append(": ").append(describe(a, b))
                .append(" Rented: ").append(money(rented)).append('.');
        return new Estimate(Math.round(b.total() + rented), text.toString());
    }

    /** Devices rented for serving: the whole fleet when reserved, else the average load autoscaled (never below the copies that must stay up). */
    double rentedServingDevices(Candidate c) {
        ServingFleet f = c.fleet();
        double minimum = (1 + f.sparePerSite()) * f.perCopy() * (double) f.sites();
        double devices = work.commitment() == Commitment.RESERVED_1Y ? f.devices()
                : Math.max(minimum, f.averageDevices() + f.sparePerSite() * f.perCopy() * (double) f.sites());
        return Rounding.ceilTo(devices, c.accelerator().getRentUnit());
    }

    /** Training rented while runs go: full training keeps its fleet busy a share of the year; fine-tunes are paid per run. */
    private double rentedTraining(Candidate c, StringBuilder text) {
        TrainingNeed tn = work.training();
        if (!tn.isActive()) {
            return 0;
        }
        boolean own = c.getTrainingDevices() > 0;
        Accelerator trainer = own ? c.accelerator() : reference;
        String provider = own ? c.quote().provider() : pricing.cheapest(reference, clouds, work.trainingCommitment()).provider();
        Quote q = pricing.quote(trainer, provider, work.trainingCommitment());
        if (!q.available()) {
            q = pricing.cheapest(trainer, clouds, work.trainingCommitment());
        }
        double cost;
        if (tn.isFull()) {
            int devices = own ? c.getTrainingDevices() : c.getTrainers();
            cost = devices * q.usdPerHour() * terms.hours() * tn.getBusyFraction();
            text.append("Training: ").append(number(devices)).append(" \u00d7 ").append(trainer.getModel()).append(' ')
                    .append(q.describe(device(trainer))).append(", ").append(percent(tn.getBusyFraction()))
                    .append("\u2020 of the time = ").append(money(cost)).append(". ");
        } else {
            double perRun = c.trainingDeviceHours();
            double hours = Math.max(perRun, 1) * tn.getRunsPerYear() * terms.years();
            cost = hours * q.usdPerHour();
            text.append("Fine-tuning: ").append(number(perRun)).append(" ").append(device(trainer)).append("-hours per run \u00d7 ")
                    .append(number(tn.getRunsPerYear())).append(" runs a year\u2020 \u00d7 ").append(years()).append(' ')
                    .append(q.describe(device(trainer))).append(" = ").append(money(cost)).append(". ");
        }
        return cost;
    }

    private String describe(Accelerator a, OwnedCost.Breakdown b) {
        return "Purchase " + Readable.times(b.units(), money(a.getPurchaseUsd())) + (a.isUnconfirmed("purchaseUsd") ? "\u2020" : "")
                + " \u00d7 " + number(1 + owned.infraOverhead()) + " for network and storage\u2020"
                + (b.purchases() > 1 ? " \u00d7 " + number(b.purchases()) + " purchases" : "") + " = " + money(b.capex())
                + "; energy " + number(b.typicalKw()) + " kW \u00d7 PUE " + number(owned.pue()) + "\u2020 \u00d7 "
                + money(owned.usdPerKwh()) + "\u2020 per kWh = " + money(b.energy()) + "; space and cooling for "
                + number(b.maxKw()) + " kW at peak \u00d7 " + money(owned.facilityUsdPerKwMonth()) + "\u2020 per kW-month = "
                + money(b.space()) + "; staff " + number(b.fte()) + " FTE\u2020 = " + money(b.staff()) + ".";
    }

    private String years() {
        return Readable.count(terms.years(), "year", "years");
    }

    private static String device(Accelerator a) {
        return Readable.device(a.getSoftwareStack());
    }

    @Override
    public String toString() {
        return "CostModel(" + terms + ")";
    }
}
