package org.infraadvisor.engine;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A headline KieBase is a copy of the rule set's with exactly the rules named, and leaves the original whole. */
class HeadlineBasesTest {

    final RuleSet ruleSet = ShippedRules.ruleSet();

    @Test
    void theCopyHoldsOnlyTheRulesNamed() {
        Set<String> strategyOnly = ruleSet.rules().values().stream()
                .filter(r -> r.file().contains("/strategy/") || r.file().contains("/inputs/"))
                .map(RuleSet.RuleInfo::name).collect(Collectors.toSet());
        assertThat(strategyOnly).isNotEmpty().hasSizeLessThan(ruleSet.rules().size());

        KieBase copy = HeadlineBases.copyWithOnly(ruleSet.kieBase(), strategyOnly);

        assertThat(copy).isNotNull().isNotSameAs(ruleSet.kieBase());
        assertThat(ruleNames(copy)).isEqualTo(new TreeSet<>(strategyOnly));
        assertThat(ruleNames(ruleSet.kieBase())).isEqualTo(new TreeSet<>(ruleSet.rules().keySet()));
    }

    @Test
    void allRulesNeedNoCopy() {
        assertThat(HeadlineBases.copyWithOnly(ruleSet.kieBase(), ruleSet.rules().keySet())).isSameAs(ruleSet.kieBase());
    }

    private static Set<String> ruleNames(KieBase kieBase) {
        Set<String> names = new TreeSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            p.getRules().forEach(r -> names.add(r.getName()));
        }
        return names;
    }
}
