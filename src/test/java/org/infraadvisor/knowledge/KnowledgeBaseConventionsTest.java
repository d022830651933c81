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
        assertThat(rules.accelerators()).filteredOn(a -> a.getId().equals("amd-mi355x")).singleElement()
                .satisfies(a -> assertThat(a.getUnconfirmed()).contains("bf16Tflops", "fp8Tflops"));
    }

    @Test
    void assumptionsCarryUnitSourceAndConfirmation() {
        assertThat(rules.assumptions()).extracting(Assumption::getKey)
                .contains("power_usd_per_kwh", "pue", "kv_cache_fraction", "bytes_per_param_bf16", "bytes_per_param_fp8",
                        "training_bytes_per_param", "reserved_discount", "ops_fte_usd_per_year", "default_tokens_per_request");
        assertThat(rules.assumptions()).allSatisfy(a -> {
            assertThat(a.getUnit()).as("unit of %s", a.getKey()).isNotBlank();
            assertThat(a.getSource()).as("source of %s", a.getKey()).isNotBlank();
            assertThat(a.getValue()).as("value of %s", a.getKey()).isNotNaN();
        });
        assertThat(rules.assumptions()).filteredOn(a -> a.getKey().equals("training_bytes_per_param")).singleElement()
                .satisfies(a -> assertThat(a.isConfirmed()).isFalse());
    }
}
