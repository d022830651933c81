package org.infraadvisor.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Devices for a serving load: headroom, whole model copies, N+1, sites. */
class ServingFleetTest {

    static final DeviceRates H200_70B = new DeviceRates(1565, 1979e12 * 0.4 / 140e9);

    @Test
    void aLongDocumentWorkloadIsPromptDominatedAndGetsASpare() {
        // 200,000 requests/day, 8,000 prompt + 400 output tokens, 70B FP8, peak x 3: 926 output tokens/s on average
        ServingNeed need = ServingNeed.forLoad(70, 84, 70, 200_000, 8000, 400, 3, false, 1, false);
        assertThat(need.getAverageOutputTps()).isCloseTo(925.9, within(0.1));
        ServingFleet fleet = ServingFleet.size(need, H200_70B, 1, 0.65, 1);
        // decode 2,778 / 1,565 = 1.8 H200; prompts 55,556 / 5,654 = 9.8; / 0.65 = 17.9 -> 18 copies + 1 spare = 19:
        // three 8-GPU servers, as the published worked example (2-3 servers including HA) puts it
        assertThat(fleet.decodeDevices()).isCloseTo(1.77, within(0.01));
        assertThat(fleet.prefillDevices()).isCloseTo(9.83, within(0.01));
        assertThat(fleet.copiesPerSite()).isEqualTo(18);
        assertThat(fleet.devices()).isEqualTo(19);
        assertThat(Rounding.ceilTo(fleet.devices(), 8) / 8).isEqualTo(3);
        assertThat(fleet.formula(H200_70B, 0.65)).contains("+ 1 spare (N+1)", "= 19");
    }

    @Test
    void productionServingNeverGetsASingleCard() {
        // a tiny load still holds two model copies: one for the load, one spare
        ServingNeed tiny = ServingNeed.forLoad(8, 9.6, 8, 500, 1200, 300, 2.4, false, 1, false);
        ServingFleet fleet = ServingFleet.size(tiny, new DeviceRates(560, 80_000), 1, 0.65, 1);
        assertThat(fleet.devices()).isEqualTo(2);
        // an unknown volume holds one copy and its spare
        assertThat(ServingFleet.size(ServingNeed.modelOnly(70, 84, 70, 1, false), H200_70B, 2, 0.65, 1).devices()).isEqualTo(4);
    }

    @Test
    void sitesHoldTheirOwnCopiesAndASpareOnlyWhenTheyMustRunOffline() {
        // 400 stores, 8B model: each store holds its share; offline stores keep a spare of their own
        ServingNeed offline = ServingNeed.forLoad(8, 9.6, 8, 4_000_000, 1000, 300, 2.4, false, 400, true);
        ServingFleet perStore = ServingFleet.size(offline, new DeviceRates(560, 80_000), 1, 0.65, 1);
        assertThat(perStore.copiesPerSite()).isEqualTo(1);
        assertThat(perStore.devices()).isEqualTo(800);
        ServingNeed online = ServingNeed.forLoad(8, 9.6, 8, 4_000_000, 1000, 300, 2.4, false, 400, false);
        assertThat(ServingFleet.size(online, new DeviceRates(560, 80_000), 1, 0.65, 1).devices()).isEqualTo(400);
    }

    @Test
    void theArithmeticWritesLargeCountsWithThousandsSeparators() {
        ServingNeed stores = ServingNeed.forLoad(8, 9.6, 8, 12_000_000, 1000, 300, 2.4, false, 1200, true);
        ServingFleet fleet = ServingFleet.size(stores, new DeviceRates(560, 80_000), 1, 0.65, 1);
        assertThat(fleet.devices()).isEqualTo(2400);
        assertThat(fleet.formula(new DeviceRates(560, 80_000), 0.65)).endsWith("1 copy + 1 spare (N+1) at each of 1,200 sites = 2,400");
    }

    @Test
    void batchWorkIsSizedForTheAverage() {
        ServingNeed queued = ServingNeed.forLoad(70, 84, 70, 1_000_000, 1000, 300, 2.4, true, 1, false);
        assertThat(queued.getPeakFactor()).isEqualTo(1.0);
    }
}
