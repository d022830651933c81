package org.infraadvisor.knowledge;

import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.ShippedRules;
import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.CloudPrice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Owned cost per GPU-hour, prices per provider and commitment, and break-even per provider, worked by hand. */
class CostArithmeticTest {

    final RuleSet rules = ShippedRules.ruleSet();

    static Accelerator gpu(double purchaseUsd, double powerW, Map<String, CloudPrice> prices) {
        return new Accelerator("test-gpu", "Test", "GPU", "test", 80, 3.35, 989, 1979, powerW, false, List.of("on-prem"),
                "cuda", 1226, purchaseUsd, List.of(), null, List.of(), List.of("inference", "fine-tuning", "training"),
                8, 8, 8, 1, Map.of(), prices, false, Double.NaN);
    }

    static CloudPrice price(String provider, double onDemand) {
        return new CloudPrice(provider, onDemand, Double.NaN, Double.NaN, Double.NaN, true, List.of());
    }

    Accelerator part(String id) {
        return rules.accelerators().stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anEightGpuServerCostsAbout235PerGpuHourToOwn() {
        // 8 x H100 server $300k + 20 % over 3 years, 8 kW average draw at PUE 1.4 and $0.10/kWh, and $0.50 per GPU-hour
        // for facility and operations: $1.71 + $0.14 + $0.50 = $2.35 per GPU-hour
        Accelerator h100 = gpu(300_000 / 8.0, 700, Map.of());
        double perKw = 1000 / 700.0;                   // 8 kW for 8 x 700 W
        OwnedCost own = new OwnedCost(3, 0.2, 0.10, 1.4, perKw, perKw, 0.50 * 8760 / 12, 150_000, 600, 0.5);
        assertThat(own.perDeviceHour(h100)).isCloseTo(2.35, within(0.005));
    }

    @Test
    void theShippedRatesOwnAnH100ForAbout222PerHour() {
        // $40k x 1.2 / 26,280 h = $1.83; 0.94 kW typical x 1.4 x $0.10 = $0.13; 1.27 kW peak x $150 x 12 / 8,760 = $0.26
        OwnedCost own = new OwnedCost(3, 0.2, 0.10, 1.4, 1.34, 1.82, 150, 150_000, 600, 0.5);
        assertThat(own.perDeviceHour(part("nvidia-h100"))).isCloseTo(2.2196, within(0.0005));
        // a DGX H100 is planned at 10.2 kW (8 x 700 W x 1.82) [dgx-h100-power]; a GB200 NVL72 rack at its published 120 kW
        assertThat(own.maxKw(part("nvidia-h100"), 8)).isCloseTo(10.19, within(0.01));
        assertThat(own.maxKw(part("nvidia-gb200"), 72)).isCloseTo(120, within(1e-9));
        // over 3 years: one server, staff at the half-FTE minimum
        OwnedCost.Breakdown b = own.overHorizon(part("nvidia-h100"), 8, 3);
        assertThat(b.capex()).isEqualTo(384_000.0);
        assertThat(b.staff()).isEqualTo(225_000.0);
        assertThat(b.purchases()).isEqualTo(1.0);
        assertThat(own.overHorizon(part("nvidia-h100"), 8, 5).purchases()).isCloseTo(5 / 3.0, within(1e-9));
    }

    @Test
    void breakEvenIsOwnedCostOverEachProvidersPrice() {
        // $2.35 per owned GPU-hour against published H100 prices: $6.88 -> 34 %, $4.92 -> 48 %, $4.00 -> 59 %, $3.00 -> 78 %
        assertThat(BreakEven.utilization(2.35, 6.88)).isCloseTo(0.34, within(0.005));
        assertThat(BreakEven.utilization(2.35, 4.92)).isCloseTo(0.48, within(0.005));
        assertThat(BreakEven.utilization(2.35, 4.00)).isCloseTo(0.59, within(0.005));
        assertThat(BreakEven.utilization(2.35, 3.00)).isCloseTo(0.78, within(0.005));
    }

    @Test
    void breakEvenPerProviderOnTheCatalogue() {
        Pricing pricing = new Pricing(0.35, 0.55, 0.55);
        Accelerator h100 = part("nvidia-h100");
        // one provider decides on its own: AWS $6.88 on demand -> 32 %; Google Cloud $3.00 -> 74 %
        assertThat(BreakEven.of(h100, 2.22, pricing, List.of("aws"), Commitment.ON_DEMAND).utilization()).isCloseTo(0.3227, within(0.0005));
        assertThat(BreakEven.of(h100, 2.22, pricing, List.of("gcp"), Commitment.ON_DEMAND).utilization()).isCloseTo(0.74, within(0.0005));
        assertThat(BreakEven.of(h100, 2.22, pricing, List.of("gpu-cloud"), Commitment.ON_DEMAND).utilization()).isCloseTo(0.7425, within(0.0005));
        // a steady load rents 1-year reserved: AWS $6.88 x 0.65 = $4.47 -> 50 %
        BreakEven reserved = BreakEven.of(h100, 2.22, pricing, List.of("aws"), Commitment.RESERVED_1Y);
        assertThat(reserved.cloudHourly()).isCloseTo(4.472, within(0.001));
        assertThat(reserved.utilization()).isCloseTo(0.4964, within(0.0005));
        // several clouds: the median of AWS $6.88, Google $3.00, Azure $6.98, OCI $10.00 = $6.93 decides (32 %)
        BreakEven any = BreakEven.of(h100, 2.22, pricing, List.of("aws", "azure", "gcp", "oci"), Commitment.ON_DEMAND);
        assertThat(any.cloudHourly()).isCloseTo(6.93, within(1e-9));
        assertThat(any.against()).isEqualTo("the median of the major clouds");
        assertThat(any.formula()).contains("AWS $6.88", "Google Cloud $3.00", "Microsoft Azure $6.98", "median $6.93");
    }

    @Test
    void pricesArePerProviderAndCommitment() {
        Pricing pricing = new Pricing(0.35, 0.55, 0.55);
        Accelerator h100 = part("nvidia-h100");
        assertThat(pricing.quote(h100, "azure", Commitment.ON_DEMAND).usdPerHour()).isEqualTo(6.98);
        assertThat(pricing.quote(h100, "gpu-cloud", Commitment.ON_DEMAND).usdPerHour()).isEqualTo(2.99);
        // OCI lists preemptible capacity at 50 % [oci-compute-pricing]: listed, not derived
        Quote ociSpot = pricing.quote(h100, "oci", Commitment.SPOT);
        assertThat(ociSpot.usdPerHour()).isEqualTo(5.0);
        assertThat(ociSpot.derived()).isFalse();
        // AWS spot is derived: $6.88 x (1 - 0.55)
        Quote awsSpot = pricing.quote(h100, "aws", Commitment.SPOT);
        assertThat(awsSpot.usdPerHour()).isCloseTo(3.096, within(1e-9));
        assertThat(awsSpot.derived()).isTrue();
        // the cheapest of the four major clouds; a part a provider does not rent has no quote there
        assertThat(pricing.cheapest(h100, List.of("aws", "azure", "gcp", "oci"), Commitment.ON_DEMAND).provider()).isEqualTo("gcp");
        assertThat(pricing.quote(part("google-tpu-v6e"), "aws", Commitment.ON_DEMAND).available()).isFalse();
        assertThat(pricing.quote(part("google-tpu-v6e"), "gcp", Commitment.ON_DEMAND).usdPerHour()).isEqualTo(2.70);
        assertThat(Pricing.forServing("steady", "interactive")).isEqualTo(Commitment.RESERVED_1Y);
        assertThat(Pricing.forServing("steady", "batch")).isEqualTo(Commitment.SPOT);
        assertThat(Pricing.forServing("variable", "interactive")).isEqualTo(Commitment.ON_DEMAND);
    }
}
