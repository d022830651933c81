package org.infraadvisor.engine;

import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.FlowParser;
import org.infraadvisor.facts.Assumption;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Help texts quote catalogue defaults; phases come from rules/phases.yaml; both report mistakes with file and line. */
class FlowDefaultsAndPhasesTest {

    static final String FLOW = """
            id: mini
            title: Mini
            questions:
              - id: size
                text: How large?
                help: If you don't know, we size for {{default_model_size_b}}B and {{share | percent}} active.
                importance: 2
                why: a {{default_model_size_b}}B model was assumed
                type: number
              - id: other
                text: Other?
                help: See {{no_such_key}}.
                type: number
            """;

    @Test
    void placeholdersBecomeCatalogueValuesAndUnknownKeysAreProblems() {
        Flow flow = FlowParser.parse(FLOW, "conversations/mini.yaml", "mini");
        List<DefinitionProblem> problems = new ArrayList<>();
        Flow resolved = FlowDefaults.resolve(flow, List.of(new Assumption("default_model_size_b", 70, "B", "s", true),
                new Assumption("share", 0.25, "share", "s", false)), problems);
        assertThat(resolved.question("size").orElseThrow().help()).isEqualTo("If you don't know, we size for 70B and 25% active.");
        assertThat(resolved.question("size").orElseThrow().why()).isEqualTo("a 70B model was assumed");
        assertThat(resolved.question("size").orElseThrow().importance()).isEqualTo(2.0);
        assertThat(resolved.question("other").orElseThrow().importance()).isEqualTo(0.5);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("conversations/mini.yaml");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("{{no_such_key}}").contains("catalogue/assumptions.yaml");
        });
    }

    @Test
    void phasesAreAnOrderedListOfUniqueNames() {
        List<DefinitionProblem> problems = new ArrayList<>();
        assertThat(PhasesFile.parse("rules/phases.yaml", "phases:\n  - inputs\n  - needs\n", problems)).containsExactly("inputs", "needs");
        assertThat(problems).isEmpty();
        PhasesFile.parse("rules/phases.yaml", "phases:\n  - inputs\n  - Needs Phase\n  - inputs\n", problems);
        assertThat(problems).extracting(DefinitionProblem::line).containsExactly(3, 4);
        assertThat(problems.get(1).message()).contains("listed twice");
    }

    @Test
    void theShippedRulesRunPhaseByPhase() {
        RuleSet rules = ShippedRules.ruleSet();
        assertThat(rules.phases()).hasSizeGreaterThan(15).contains("inputs", "decision", "shortlist", "plan");
        Evaluation e = new AdvisorEngine(10_000).evaluateInDetail(rules, rules.flow("infra-strategy").orElseThrow(),
                java.util.Map.of("workload", "inference", "model_size_b", 8.0, "daily_requests", 1000.0));
        // the firings follow the declared order of the phases
        List<String> order = rules.phases();
        int last = -1;
        for (Trace.Firing f : e.trace().firings()) {
            String phase = phaseOf(rules, f.rule());
            int index = order.indexOf(phase);
            assertThat(index).as("phase of %s", f.rule()).isGreaterThanOrEqualTo(last);
            last = index;
        }
        assertThat(e.facts()).anySatisfy(f -> assertThat(f).isInstanceOf(org.infraadvisor.facts.StrategyChoice.class));
    }

    static String phaseOf(RuleSet rules, String rule) {
        for (org.kie.api.definition.KiePackage p : rules.kieBase().getKiePackages()) {
            for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                if (r.getName().equals(rule)) {
                    return ((org.drools.base.definitions.rule.impl.RuleImpl) r).getAgendaGroup();
                }
            }
        }
        throw new AssertionError(rule);
    }
}
