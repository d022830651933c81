package org.infraadvisor.engine;

import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.Assumption;
import org.kie.api.KieBase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the advice depends on, compiled and checked together: the KieBase, the dialogue flows, the
 * catalogue. Immutable; a reload builds a new one and swaps it in whole.
 *
 * @param version short hash of every rule, catalogue and conversation file
 * @param rules   the rules of the KieBase by name, with their metadata
 * @param sources the DRL text the KieBase was compiled from, by file name as reported (for rule analysis)
 * @param phases  the agenda groups the engine focuses, in order ({@code rules/phases.yaml}); empty: no phases
 */
public record RuleSet(String version, Instant loadedAt, KieBase kieBase, Map<String, Flow> flows,
                      List<Accelerator> accelerators, List<Assumption> assumptions, Map<String, RuleInfo> rules,
                      Map<String, String> sources, List<String> phases) {

    public RuleSet(String version, Instant loadedAt, KieBase kieBase, Map<String, Flow> flows,
                   List<Accelerator> accelerators, List<Assumption> assumptions, Map<String, RuleInfo> rules,
                   Map<String, String> sources) {
        this(version, loadedAt, kieBase, flows, accelerators, assumptions, rules, sources, List.of());
    }

    public RuleSet(String version, Instant loadedAt, KieBase kieBase, Map<String, Flow> flows,
                   List<Accelerator> accelerators, List<Assumption> assumptions, Map<String, RuleInfo> rules) {
        this(version, loadedAt, kieBase, flows, accelerators, assumptions, rules, Map.of());
    }

    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    /** A rule as a reader sees it: name, the file it lives in, and its {@code @description} / {@code @rationale}. */
    public record RuleInfo(String name, String file, String description, String rationale) {
    }
}
