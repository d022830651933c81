package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.AssumptionReads;
import org.infraadvisor.facts.CloudPrice;

import java.util.Collection;

/**
 * Cloud prices per provider and commitment. Listed catalogue prices are used as they are; a commitment the
 * catalogue does not list is the on-demand price less the assumed discount (1- and 3-year reservations, spot).
 * One fact per evaluation, built from {@code assumptions.yaml}.
 */
public final class Pricing implements AssumptionReads.Bundle {

    private final double reserved1yDiscount;
    private final double reserved3yDiscount;
    private final double spotDiscount;

    public Pricing(double reserved1yDiscount, double reserved3yDiscount, double spotDiscount) {
        this.reserved1yDiscount = reserved1yDiscount;
        this.reserved3yDiscount = reserved3yDiscount;
        this.spotDiscount = spotDiscount;
    }

    // each getter notes the assumption it hands out (see AssumptionReads): a listed price reads none
    public double getReserved1yDiscount() { return AssumptionReads.read("reserved_1y_discount", reserved1yDiscount); }
    public double getReserved3yDiscount() { return AssumptionReads.read("reserved_3y_discount", reserved3yDiscount); }
    public double getSpotDiscount() { return AssumptionReads.read("spot_discount", spotDiscount); }

    @Override
    public String toString() {
        return "Pricing(1-year reserved -" + reserved1yDiscount + ", 3-year -" + reserved3yDiscount + ", spot -" + spotDiscount + ")";
    }

    /** The price of one device-hour of {@code a} at {@code provider}, or {@link Quote#NONE} when it is not offered there. */
    public Quote quote(Accelerator a, String provider, Commitment commitment) {
        CloudPrice p = a.getPrices().get(provider);
        if (p == null || Double.isNaN(p.onDemand())) {
            return Quote.NONE;
        }
        double listed = listed(p, commitment);
        if (!Double.isNaN(listed)) {
            return new Quote(provider, commitment, listed, false, p.unconfirmed());
        }
        return new Quote(provider, commitment, p.onDemand() * (1 - discount(commitment)), true, p.unconfirmed());
    }

    /** The cheapest quote among the providers (ties go to the first listed), or {@link Quote#NONE}. */
    public Quote cheapest(Accelerator a, Collection<String> providers, Commitment commitment) {
        Quote best = Quote.NONE;
        for (String provider : providers) {
            Quote q = quote(a, provider, commitment);
            if (q.available() && (!best.available() || q.usdPerHour() < best.usdPerHour())) {
                best = q;
            }
        }
        return best;
    }

    /** The commitment a load of this shape is rented on: reserved when steady, spot when it can wait, else on demand. */
    public static Commitment forServing(String usagePattern, String latency) {
        if ("batch".equals(latency)) {
            return Commitment.SPOT;
        }
        return "steady".equals(usagePattern) ? Commitment.RESERVED_1Y : Commitment.ON_DEMAND;
    }

    private static double listed(CloudPrice p, Commitment commitment) {
        return switch (commitment) {
            case ON_DEMAND -> p.onDemand();
            case RESERVED_1Y -> p.reserved1y();
            case RESERVED_3Y -> p.reserved3y();
            case SPOT -> p.spot();
        };
    }

    double discount(Commitment commitment) {
        return switch (commitment) {
            case ON_DEMAND -> 0;
            case RESERVED_1Y -> getReserved1yDiscount();
            case RESERVED_3Y -> getReserved3yDiscount();
            case SPOT -> getSpotDiscount();
        };
    }
}
