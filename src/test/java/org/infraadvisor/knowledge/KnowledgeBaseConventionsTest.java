package org.infraadvisor.knowledge;

import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.ShippedRules;
import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.Assumption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The conventions a rule author relies on: explained rules, one package, kebab-case files, a complete catalogue. */
class KnowledgeBaseConventionsTest {

    final RuleSet rules = ShippedRules.ruleSet();

    @Test
    void everyRuleExplainsItselfToABusinessReaderAndSaysWhy() {
        assertThat(rules.rules().values()).hasSizeGreaterThan(100).allSatisfy(r -> {
            assertThat(r.description()).as("@description of '%s'", r.name()).isNotBlank();
            assertThat(r.rationale()).as("@rationale of '%s'", r.name()).isNotBlank();
            assertThat(r.file()).as("file of '%s'", r.name()).startsWith("rules/");
        });
        assertThat(rules.rules()).containsKey("Data that must stay on premises requires on-prem");
    }

    @Test
    void ruleFilesAreKebabCaseAndShareOnePackage() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("rules"))) {
            List<Path> drl = walk.filter(p -> p.toString().endsWith(".drl")).toList();
            assertThat(drl).hasSizeGreaterThan(20).allSatisfy(p -> {
                assertThat(p.getFileName().toString()).matches("[a-z0-9]+(-[a-z0-9]+)*\\.drl");
                assertThat(Files.readString(p)).as("%s", p).startsWith("package rules;");
            });
        }
    }

    @Test
    void theCatalogueCoversTheRequiredPartsAndFlagsUnconfirmedFigures() {
        assertThat(rules.accelerators()).extracting(Accelerator::getName).contains(
                "NVIDIA L4", "NVIDIA L40S", "NVIDIA H100 SXM", "NVIDIA H200 SXM", "NVIDIA B200 (HGX)", "NVIDIA GB200 NVL72",
                "AMD Instinct MI300X", "AMD Instinct MI325X", "AMD Instinct MI355X", "Intel Gaudi 3", "Google TPU v5e",
                "Google TPU v5p", "Google TPU v6e (Trillium)", "AWS Trainium2", "AWS Inferentia2", "Intel / AMD Server CPU (Xeon 6 / EPYC)");
        assertThat(rules.accelerators()).allSatisfy(a -> {
            assertThat(a.getMemoryGb()).as("%s memory", a).isPositive();
            assertThat(a.getTokensPerSecond()).as("%s rate", a).isPositive();
            // per-device rates under a latency target are planning assumptions (30-50 % of MLPerf offline, †)
            assertThat(a.isUnconfirmed("tokensPerSecond")).as("%s rate flagged †", a).isTrue();
            assertThat(a.getSources()).as("%s sources", a).isNotEmpty();
            assertThat(a.availableIn("on-prem") ? a.getPurchaseUsd() : 1.0).as("%s purchase price", a).isPositive();
        });
        // cloud-only parts cannot be bought; the MI355X BF16/FP8 figures are † in the source
        assertThat(rules.accelerators()).filteredOn(a -> a.getSoftwareStack().equals("xla") || a.getSoftwareStack().equals("neuron"))
                .hasSize(5).allSatisfy(a -> assertThat(a.availableIn("on-prem")).isFalse());
        // MI355X: 5 PF dense FP8 is confirmed, the BF16 figure is not; TPU v6e's $2.70 per chip-hour is confirmed
        assertThat(rules.accelerators()).filteredOn(a -> a.getId().equals("amd-mi355x")).singleElement()
                .satisfies(a -> assertThat(a.getUnconfirmed()).contains("bf16Tflops").doesNotContain("fp8Tflops"));
        assertThat(rules.accelerators()).filteredOn(a -> a.getId().equals("google-tpu-v6e")).singleElement()
                .satisfies(a -> assertThat(a.getPrices().get("gcp").unconfirmed()).isFalse());
        // L4 on Azure could not be confirmed; a v5p slice tops out at 6,144 chips
        assertThat(rules.accelerators()).filteredOn(a -> a.getId().equals("nvidia-l4")).singleElement()
                .satisfies(a -> assertThat(a.availableIn("azure")).isFalse());
        assertThat(rules.accelerators()).filteredOn(a -> a.getId().equals("google-tpu-v5p")).singleElement()
                .satisfies(a -> assertThat(a.getScaleUpDevices()).isEqualTo(6144.0));
        // prices per provider: the H100 differs 2-3x between them; exactly one reference part
        assertThat(rules.accelerators()).filteredOn(a -> a.getId().equals("nvidia-h100")).singleElement().satisfies(a -> {
            assertThat(a.isReference()).isTrue();
            assertThat(a.getPrices()).containsKeys("aws", "azure", "gcp", "oci", "gpu-cloud");
            assertThat(a.getPrices().get("oci").onDemand() / a.getPrices().get("gpu-cloud").onDemand()).isGreaterThan(3);
        });
        assertThat(rules.accelerators()).filteredOn(Accelerator::isReference).hasSize(1);
    }

    @Test
    void helpTextsQuoteTheCatalogueDefaultsInsteadOfRepeatingThem() throws IOException {
        var flow = rules.flow("infra-strategy").orElseThrow();
        assertThat(flow.question("model_size_b").orElseThrow().help()).contains("we size for a 70B-class model");
        assertThat(flow.question("tokens_per_request").orElseThrow().help()).contains("we assume 5,500");
        assertThat(flow.question("active_params_b").orElseThrow().help()).contains("we assume 25% of the parameters");
        assertThat(flow.question("tokens_per_request").orElseThrow().importance()).isEqualTo(2.0);
        assertThat(flow.questions()).allSatisfy(q -> assertThat(q.help() + q.why()).doesNotContain("{{"));
        String yaml = Files.readString(Path.of("conversations/infra-strategy.yaml"));
        assertThat(yaml).contains("{{default_model_size_b}}").doesNotContain("70B-class model.").doesNotContain("we assume 1,000");
    }

    @Test
    void assumptionsCarryUnitSourceAndConfirmation() {
        assertThat(rules.assumptions()).extracting(Assumption::getKey)
                .contains("power_usd_per_kwh", "pue", "kv_cache_fraction", "bytes_per_param_bf16", "bytes_per_param_fp8",
                        "training_bytes_per_param", "reserved_1y_discount", "spot_discount", "ops_fte_usd_per_year",
                        "default_tokens_per_request", "serving_target_utilization", "spare_model_copies");
        assertThat(rules.assumptions()).allSatisfy(a -> {
            assertThat(a.getUnit()).as("unit of %s", a.getKey()).isNotBlank();
            // a reader sees the label, never the key: words, not an identifier
            assertThat(a.getLabel()).as("label of %s", a.getKey()).isNotBlank().doesNotContain("_").isNotEqualTo(a.getKey());
            assertThat(a.getSource()).as("source of %s", a.getKey()).isNotBlank();
            assertThat(a.getValue()).as("value of %s", a.getKey()).isNotNaN();
        });
        assertThat(rules.assumptions()).filteredOn(a -> a.getKey().equals("kv_cache_fraction")).singleElement()
                .satisfies(a -> assertThat(a.isConfirmed()).isFalse());
    }
}
