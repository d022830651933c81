package org.infraadvisor.facts;

/**
 * What one provider charges per device-hour for one accelerator, as the catalogue lists it. A commitment left out
 * (NaN) is derived by {@code knowledge.Pricing} from the on-demand price and the discounts in {@code assumptions.yaml}.
 *
 * @param provider    {@code aws}, {@code azure}, {@code gcp}, {@code oci} or {@code gpu-cloud}
 * @param unconfirmed the published figure is marked unconfirmed, conflicting or an estimate of the catalogue
 * @param sources     ids from docs/sources.md
 */
public record CloudPrice(String provider, double onDemand, double reserved1y, double reserved3y, double spot,
                         boolean unconfirmed, java.util.List<String> sources) {
}
