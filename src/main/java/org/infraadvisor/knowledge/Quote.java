package org.infraadvisor.knowledge;

import org.infraadvisor.format.Readable;

/**
 * A price per device-hour for one accelerator at one provider and commitment.
 *
 * @param derived the price is the on-demand price less an assumed discount, not a listed figure
 */
public record Quote(String provider, Commitment commitment, double usdPerHour, boolean derived, boolean unconfirmed) {

    public static final Quote NONE = new Quote("", Commitment.ON_DEMAND, Double.NaN, false, false);

    public boolean available() {
        return !Double.isNaN(usdPerHour);
    }

    /** "$3.90/h on demand at AWS", with a dagger when the figure is unconfirmed or derived. */
    public String describe() {
        return Readable.money(usdPerHour) + (derived || unconfirmed ? "\u2020" : "") + "/h " + commitment.label()
                + " at " + Readable.provider(provider);
    }
}
