package org.infraadvisor.engine;

import org.infraadvisor.advice.Advice;
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

    /** A rule of this set, by name, as advice cites it; a name it does not know gets an id from the name alone. */
    public Advice.RuleRef ref(String ruleName) {
        RuleInfo info = rules.get(ruleName);
        return info == null ? new Advice.RuleRef(RuleIds.of(null, ruleName, null), ruleName, null, null, null)
                : new Advice.RuleRef(info.id(), info.name(), info.description(), info.rationale(), info.file());
    }

    /**
     * A rule as a reader sees it: its stable id ({@link RuleIds}), name, the file it lives in, and its
     * {@code @description} / {@code @rationale}.
     *
     * @param talliesVotes whether the rule adds up {@link org.infraadvisor.facts.StrategyVote}s (an accumulate over
     *                     them), so that a strategy concluded from its result was chosen by votes
     */
    public record RuleInfo(String id, String name, String file, String description, String rationale, boolean talliesVotes) {
    }
}
