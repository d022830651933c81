package org.infraadvisor.knowledge;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.ShippedRules;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped rule has a stable, readable, unique id and runs in a declared phase; no salience tiers are left. */
class RulePhasesAndIdsTest {

    final RuleSet rules = ShippedRules.ruleSet();

    @Test
    void everyRuleHasAUniqueReadableIdAndADeclaredPhase() throws Exception {
        assertThat(rules.phases()).startsWith("inputs", "needs").endsWith("follow-ups", "plan").doesNotHaveDuplicates();
        Map<String, String> seen = new HashMap<>();
        int count = 0;
        for (Map.Entry<String, String> source : rules.sources().entrySet()) {
            assertThat(source.getValue()).as("%s uses no salience", source.getKey()).doesNotContain("salience");
            PackageDescr pkg = new DrlParser().parse(false, source.getValue());
            for (RuleDescr rule : pkg.getRules()) {
                count++;
                String id = rule.getAnnotation("id").getValue().toString().replace("\"", "");
                assertThat(id).as("@id of %s", rule.getName()).matches("[a-z-]+\\.[a-z0-9-]+");
                assertThat(seen.put(id, rule.getName())).as("@id %s is unique", id).isNull();
                assertThat(rule.getAttributes().get("ruleflow-group").getValue()).as("phase of %s", rule.getName())
                        .isIn(rules.phases());
                assertThat(id.substring(0, id.indexOf('.'))).as("id of %s names its phase or area", rule.getName()).isNotBlank();
            }
        }
        assertThat(count).isEqualTo(rules.rules().size());
    }
}
