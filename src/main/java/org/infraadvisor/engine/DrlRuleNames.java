package org.infraadvisor.engine;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The rules (and queries) DRL sources define, as {@code package.name}, read with Drools' own parser (no compile). */
public final class DrlRuleNames {

    private DrlRuleNames() {
    }

    /** Throws when a source does not parse: then no compiled entry can match it, and the compiler reports the error. */
    static Set<String> of(Map<String, String> sources) {
        Set<String> names = new TreeSet<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            PackageDescr pkg = parse(source.getValue()).orElseThrow(() -> new IllegalStateException(source.getKey() + " does not parse"));
            String packageName = pkg.getName() == null || pkg.getName().isBlank() ? "defaultpkg" : pkg.getName();
            for (RuleDescr rule : pkg.getRules()) {
                names.add(packageName + "." + rule.getName());
            }
        }
        return names;
    }

    /** One DRL text as Drools' parser reads it; empty when it has syntax errors (the compiler reports them with file and line). */
    public static Optional<PackageDescr> parse(String drl) {
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, drl);
            return parser.hasErrors() ? Optional.empty() : Optional.ofNullable(pkg);
        } catch (DroolsParserException e) {
            return Optional.empty();
        }
    }
}
