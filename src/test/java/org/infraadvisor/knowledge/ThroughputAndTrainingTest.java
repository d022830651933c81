package org.infraadvisor.knowledge;

import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.ShippedRules;
import org.infraadvisor.facts.Accelerator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Serving rates from published benchmarks and the training formula against DeepSeek-V3's published run. */
class ThroughputAndTrainingTest {

    final RuleSet rules = ShippedRules.ruleSet();

    Accelerator part(String id) {
        return rules.accelerators().stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anchoredRatesAreMlperfOfflineTimesTheLatencyShare() {
        // MLPerf Inference v4.1, Llama 2 70B offline, tokens/s of 8 accelerators [mlperf-inference-v4.1] x 0.4
        assertThat(part("nvidia-h100").getTokensPerSecond()).isCloseTo(24_524.9 / 8 * 0.4, within(1.0));
        assertThat(part("nvidia-h200").getTokensPerSecond()).isCloseTo(31_302.7 / 8 * 0.4, within(1.0));
        assertThat(part("amd-mi300x").getTokensPerSecond()).isCloseTo(23_514.8 / 8 * 0.4, within(1.0));
    }

    @Test
    void otherRatesFollowTheCataloguesDerivationRule() {
        // anchor of the same vendor (MI300X for AMD, H100 otherwise) x min(bandwidth ratio, 8-bit compute ratio)
        Map<String, String> anchors = Map.of("amd-mi325x", "amd-mi300x", "amd-mi355x", "amd-mi300x");
        for (Accelerator a : rules.accelerators()) {
            if (Map.of("nvidia-h100", 1, "nvidia-h200", 1, "amd-mi300x", 1).containsKey(a.getId())) {
                continue;
            }
            Accelerator anchor = part(anchors.getOrDefault(a.getId(), "nvidia-h100"));
            double expected = anchor.getTokensPerSecond() * Math.min(a.getBandwidthTbs() / anchor.getBandwidthTbs(),
                    a.getFp8Tflops() / anchor.getFp8Tflops());
            assertThat(a.getTokensPerSecond()).as("%s", a.getId()).isCloseTo(expected, within(1.0));
        }
        // B200: 1,226 x min(8.0 / 3.35, 4,500 / 1,979) = 2,788; MI355X: 1,176 x min(8.0 / 5.3, 5,000 / 2,615) = 1,775
        assertThat(part("nvidia-b200").getTokensPerSecond()).isEqualTo(2788.0);
        assertThat(part("amd-mi355x").getTokensPerSecond()).isEqualTo(1775.0);
        assertThat(part("aws-inferentia2").getBandwidthTbs()).isEqualTo(0.88);   // 820 GiB/s
    }

    @Test
    void rateScalesWithActiveParametersAndPromptsWithCompute() {
        SizingBasis basis = new SizingBasis(0.9, 0.2, 70, 0.75, 0.65, 1, 0.4, 0.4, 1000);
        Accelerator h100 = part("nvidia-h100");
        DeviceRates seventy = DeviceRates.of(h100, 70, 1, 1, false, basis);
        assertThat(seventy.decode()).isEqualTo(1226.0);
        // prompts: 1,979 TFLOPS FP8 x 40 % / (2 x 70e9 FLOPs per token) = 5,654 tokens/s
        assertThat(seventy.prefill()).isCloseTo(5654.3, within(0.1));
        // a mixture of experts computes with its active parameters: 37B active reads ~1.6x faster than 70B
        assertThat(DeviceRates.of(h100, 37, 1, 1, false, basis).decode()).isCloseTo(1226 * Math.pow(70 / 37.0, 0.75), within(0.01));
        // larger than the reference: inversely with size; batch work at the offline ceiling (x 2.5)
        assertThat(DeviceRates.of(h100, 140, 1, 2.5, false, basis).decode()).isCloseTo(1226 * 0.5 * 2.5, within(1e-9));
    }

    @Test
    void deepSeekV3TrainingIsSizedOnItsActiveParameters() {
        // 671B total, 37B active, 14.8T tokens, 2.788M H800 GPU-hours [deepseek-v3]; H800 = H100 BF16 dense 989 TFLOPS
        double flops = TrainingCompute.flops(37, 14_800, 6);
        assertThat(flops).isCloseTo(3.2856e24, within(1e20));
        double hours = TrainingCompute.deviceHours(flops, 989, 0.4);
        assertThat(hours / 2.788e6).as("active-parameter formula against the published run").isBetween(0.8, 1.2);
        double dense = TrainingCompute.deviceHours(TrainingCompute.flops(671, 14_800, 6), 989, 0.4);
        assertThat(dense / 2.788e6).as("dense formula, the error the first edition made").isGreaterThan(14.0);
        // the published run implies ~33 % of BF16 peak
        assertThat(flops / (2.788e6 * 3600 * 989e12)).isCloseTo(0.33, within(0.01));
    }

    @Test
    void aFineTuneOfEightBillionParametersOnOneBillionTokensTakesAbout34GpuHours() {
        // 6 x 8e9 x 1e9 = 4.8e19 FLOPs / (989 TFLOPS x 40 %) = 33.7 H100-hours [kaplan-2020]
        double hours = TrainingCompute.deviceHours(TrainingCompute.flops(8, 1, 6), 989, 0.4);
        assertThat(hours).isCloseTo(33.7, within(0.05));
        // one device finishes it in 3 days; 70B full training state (1,120 GB [zero-2019]) needs 16 x 72 GB
        assertThat(TrainingCompute.devices(8 * 2.4, 72, hours, 72)).isEqualTo(1);
        assertThat(TrainingCompute.devices(70 * 16, 72, 10, 720)).isEqualTo(16);
    }
}
