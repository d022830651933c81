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

    /** "at AWS, 1-year reserved, ~$4.78† per GPU-hour", with a dagger when the price is unconfirmed or derived. */
    public String describe(String device) {
        return "at " + Readable.provider(provider) + ", " + commitment.label() + ", " + price(device);
    }

    /** "~$4.78† per GPU-hour", with a dagger when the price is unconfirmed or derived. */
    public String price(String device) {
        return Readable.perDeviceHour(usdPerHour, device, derived || unconfirmed);
    }
}
