package org.infraadvisor.scenarios;

import java.util.List;
import java.util.Map;

/**
 * What a scenario expects. Every field is optional (null or empty means "not checked").
 * Accelerators are named by vendor and/or model words, e.g. {@code H200}, {@code "NVIDIA L4"}, {@code "TPU v6e"},
 * {@code CPU}; a name matches when its words appear as whole words in "vendor model" ({@code L4} does not match L40S).
 *
 * @param strategyOneOf       acceptable strategies (a single {@code strategy} in YAML is a list of one)
 * @param topAcceleratorOneOf acceptable first-ranked accelerators
 * @param acceleratorsInclude accelerators that must be in the recommended list
 * @param acceleratorsExclude accelerators that must not be in the list
 * @param risks               substrings of risk titles that must appear (case-insensitive)
 * @param noRisks             substrings of risk titles that must not appear
 * @param readiness           pillar to expected status (ready, gap, blocker)
 * @param followUps           question ids that must be among the follow-up questions
 * @param plan                substrings of plan step titles that must appear
 * @param acceleratorCounts   accelerator name to [min, max] of its {@code count}
 * @param sizing              sizing name (substring) to [min, max] of its value
 */
public record Expectations(List<String> strategyOneOf, List<String> topAcceleratorOneOf, List<String> acceleratorsInclude,
                           List<String> acceleratorsExclude, List<String> risks, List<String> noRisks,
                           Map<String, String> readiness, Double minConfidence, Double maxConfidence,
                           List<String> followUps, List<String> plan, Map<String, List<Double>> acceleratorCounts,
                           Map<String, List<Double>> sizing) {
}
