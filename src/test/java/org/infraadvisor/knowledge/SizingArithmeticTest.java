package org.infraadvisor.knowledge;

import org.infraadvisor.advice.Advice;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.ShippedRules;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sizing rules end to end against hand-worked examples: the engine evaluates real answers and the Sizing figures
 * and accelerator counts must match the arithmetic done by hand (knowledge/*Test pin the formulas themselves).
 * Serving counts hold whole model copies for the peak at 65 % utilization plus one spare copy (N+1).
 */
class SizingArithmeticTest {

    final RuleSet rules = ShippedRules.ruleSet();
    final AdvisorEngine engine = new AdvisorEngine(10_000);

    /** An owned NVIDIA estate with room for anything, so that every NVIDIA part is compared. */
    Advice evaluate(Object... pairs) {
        Map<String, Object> answers = new HashMap<>(Map.of("data_residency", "on-premises", "software_stack", "cuda",
                "datacenter", "high-density", "ops_skills", "advanced", "budget", "capex", "utilization", "variable"));
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            answers.put((String) pairs[i], v instanceof Number n ? (Object) n.doubleValue() : v);
        }
        return engine.evaluate(rules, rules.flow("infra-strategy").orElseThrow(), answers);
    }

    static Advice.Sizing sizing(Advice rec, String name) {
        return rec.sizing().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no sizing '" + name + "' in " + rec.sizing().stream().map(Advice.Sizing::name).toList()));
    }

    static Advice.Accelerator accelerator(Advice rec, String model) {
        return rec.accelerators().stream().filter(a -> a.model().equals(model)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + model + " in " + rec.accelerators().stream().map(Advice.Accelerator::model).toList()));
    }

    @Test
    void seventyBillionParametersAtBf16NeedAbout140GbAndDoNotFitOne80GbGpu() {
        Advice rec = evaluate("workload", "inference", "model_size_b", 70, "serving_precision", "bf16", "daily_requests", "unknown");
        // 70 x 2 bytes = 140 GB of weights; + 20 % KV cache allowance = 168 GB per model copy
        assertThat(sizing(rec, "Model weights (BF16)").value()).isEqualTo(140.0);
        assertThat(sizing(rec, "Serving memory per model copy").value()).isCloseTo(168.0, within(1e-9));
        assertThat(sizing(rec, "Model weights (BF16)").formula()).contains("70 billion parameters \u00d7 2 bytes per parameter = 140 GB");
        // 168 GB / (80 GB x 90 % usable) = 2.3 -> a tensor-parallel group of 4 H100; 168 / (141 x 0.9) = 1.3 -> 2 H200;
        // with the volume unknown: one copy and a spare
        assertThat(accelerator(rec, "H100 SXM").count()).isEqualTo(8);
        assertThat(accelerator(rec, "H200 SXM").count()).isEqualTo(4);
    }

    @Test
    void seventyBillionParametersAtFp8NeedTwoH100sButFitOneH200() {
        Advice rec = evaluate("workload", "inference", "model_size_b", 70, "serving_precision", "fp8", "daily_requests", "unknown");
        assertThat(sizing(rec, "Model weights (FP8)").value()).isEqualTo(70.0);
        assertThat(sizing(rec, "Model weights (BF16)").value()).isEqualTo(140.0);
        assertThat(sizing(rec, "Serving memory per model copy").value()).isCloseTo(84.0, within(1e-9));
        assertThat(accelerator(rec, "H100 SXM").count()).isEqualTo(4);
        assertThat(accelerator(rec, "H200 SXM").count()).isEqualTo(2);
    }

    @Test
    void eightBillionParametersAtFp8FitOneL4() {
        Advice rec = evaluate("workload", "inference", "model_size_b", 8, "serving_precision", "fp8",
                "daily_requests", "unknown", "latency", "realtime", "data_residency", "regional", "cloud_provider", "aws");
        assertThat(sizing(rec, "Model weights (FP8)").value()).isEqualTo(8.0);
        // 8 GB + 20 % = 9.6 GB <= 24 GB x 90 % = 21.6 GB: one L4 holds the model
        assertThat(sizing(rec, "Serving memory per model copy").value()).isCloseTo(9.6, within(1e-9));
        assertThat(rec.accelerators().get(0).model()).isEqualTo("L4");
        assertThat(accelerator(rec, "L4").count()).isEqualTo(2);
        assertThat(sizing(rec, "Devices per model copy (L4)").value()).isEqualTo(1.0);
        assertThat(sizing(rec, "Devices for serving (L4)").formula()).contains("1 copy + 1 spare (N+1) = 2");
    }

    @Test
    void fourHundredFiveBillionAtFp8NeedEightH100sOrFourH200s() {
        Advice rec = evaluate("workload", "inference", "model_size_b", 405, "serving_precision", "fp8",
                "daily_requests", "unknown", "software_stack", "portable");
        assertThat(sizing(rec, "Model weights (FP8)").value()).isEqualTo(405.0);
        // 486 GB per copy: / 72 = 6.75 -> 8 H100; / 126.9 = 3.8 -> 4 H200; / 172.8 = 2.8 -> a group of 4 MI300X; x 2 (spare)
        assertThat(accelerator(rec, "H200 SXM").count()).isEqualTo(8);
        assertThat(accelerator(rec, "Instinct MI300X").count()).isEqualTo(8);
        Advice cuda = evaluate("workload", "inference", "model_size_b", 405, "serving_precision", "fp8", "daily_requests", "unknown");
        assertThat(accelerator(cuda, "H100 SXM").count()).isEqualTo(16);
    }

    @Test
    void requestsPerDayBecomeTokensPerSecondAndDevicesForThePeak() {
        Advice rec = evaluate("workload", "inference", "model_size_b", 70, "serving_precision", "fp8",
                "daily_requests", 1_000_000, "tokens_per_request", 1000, "latency", "interactive");
        // 1,000,000 x 1,000 / 86,400 = 11,574 tokens/s; business-hours peak x 2.4 = 27,778 tokens/s
        assertThat(sizing(rec, "Average token throughput").value()).isCloseTo(11_574.07, within(0.01));
        assertThat(sizing(rec, "Peak token throughput").value()).isCloseTo(27_777.78, within(0.01));
        // 300 of the 1,000 tokens are output (the default answer length): peak 8,333 output tokens/s / 1,226 per H100 =
        // 6.8 + 19,444 prompt tokens/s / 5,654 = 3.44 -> 10.2 / 0.65 = 15.7 -> 8 copies of 2 + a spare pair = 18 H100
        assertThat(accelerator(rec, "H100 SXM").count()).isEqualTo(18);
        // 8,333 / 1,565 per H200 = 5.3 + 3.44 = 8.8 / 0.65 = 13.5 -> 14 copies of 1 + 1 spare = 15 H200
        assertThat(accelerator(rec, "H200 SXM").count()).isEqualTo(15);
        assertThat(sizing(rec, "Average token throughput").formula()).contains("700 prompt + 300 output tokens, output assumed");
    }

    @Test
    void unknownTokensPerRequestDefaultToAPublishedRetrievalAnswerAndSayTheyAreAssumed() {
        Advice rec = evaluate("workload", "inference", "model_size_b", 8, "daily_requests", 86_400, "tokens_per_request", "unknown");
        Advice.Sizing average = sizing(rec, "Average token throughput");
        assertThat(average.value()).isCloseTo(5500.0, within(1e-9));
        assertThat(average.formula()).contains("(5,200 prompt + 300 output tokens, assumed)");
        assertThat(rec.openQuestions()).anySatisfy(f -> assertThat(f.question()).isEqualTo("tokens_per_request"));
    }

    @Test
    void aTinyPilotUsesWellUnderOnePercentOfOneGpu() {
        Advice rec = evaluate("workload", "inference", "model_size_b", 8, "daily_requests", 500, "tokens_per_request", 300,
                "data_residency", "none", "cloud_provider", "none");
        // 500 x 300 / 86,400 = 1.74 tokens/s
        assertThat(sizing(rec, "Average token throughput").value()).isCloseTo(1.736, within(0.001));
        assertThat(sizing(rec, "Expected utilization of owned hardware").value()).isLessThan(1.0);
    }

    @Test
    void fullTrainingTakesSixteenBytesPerParameterAndShardsOverSixteenH100s() {
        Advice rec = evaluate("workload", "training", "model_size_b", 70, "training_tokens_b", 1, "network", "infiniband");
        // 70 x 16 = 1,120 GB of training state; / 72 GB usable = 15.6 -> 16 H100 (compute for 1B tokens needs fewer)
        assertThat(sizing(rec, "Training memory").value()).isEqualTo(1120.0);
        assertThat(accelerator(rec, "H100 SXM").count()).isEqualTo(16);
    }

    @Test
    void trainingComputeIsSixTimesParametersTimesTokens() {
        Advice rec = evaluate("workload", "training", "model_size_b", 8, "training_tokens_b", 1, "network", "infiniband");
        // 6 x 8e9 x 1e9 = 4.8e19 FLOPs; / (989 TFLOPS x 40 % MFU) / 3,600 = 33.7 H100-hours (strategy.md: ~34)
        assertThat(sizing(rec, "Training compute per run").value()).isCloseTo(4.8e19, within(1e9));
        assertThat(rec.accelerators().get(0).model()).isEqualTo("H100 SXM");
        assertThat(sizing(rec, "Devices for training (H100 SXM)").formula()).contains("33.7 device-hours per run");
    }

    @Test
    void breakEvenUtilizationOfAnOwnedH100IsWorkedOutPerProvider() {
        Advice rec = evaluate("workload", "inference", "model_size_b", 70, "horizon_years", 3);
        // $40k x 1.2 / 26,280 h + 0.94 kW x 1.4 x $0.10 + 1.27 kW x $150 x 12 / 8,760 = $2.22 per hour; against the
        // median on-demand price of the four major clouds ($6.88 AWS, $6.98 Azure -> $6.93) = 32.0 %
        assertThat(sizing(rec, "Break-even utilization").value()).isCloseTo(32.0, within(0.05));
        assertThat(sizing(rec, "Break-even utilization").formula()).contains("Google Cloud $3.00", "= 74%", "median $6.93");
        Advice gcp = evaluate("workload", "inference", "model_size_b", 70, "data_residency", "none", "cloud_provider", "gcp");
        assertThat(sizing(gcp, "Break-even utilization").value()).isCloseTo(74.0, within(0.05));
        Advice oneYear = evaluate("workload", "inference", "model_size_b", 70, "horizon_years", 1);
        assertThat(sizing(oneYear, "Break-even utilization").value()).isGreaterThan(80.0);
    }
}
