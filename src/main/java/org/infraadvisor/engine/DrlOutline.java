package org.infraadvisor.engine;

import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What DRL sources define and use, read with Drools' own parser (no compile): their packages, their rules and queries
 * as {@code package.name}, and the Java classes they import (plain and {@code import function}). A compiled-rules
 * cache entry must hold exactly these rules and no classes beyond these and the engine's own.
 */
public record DrlOutline(Set<String> packages, Set<String> rules, Set<String> importedClasses, Set<String> importedPackages) {

    /** Throws when a source does not parse: then no compiled entry can match it, and the compiler reports the error. */
    public static DrlOutline of(Map<String, String> sources) {
        Set<String> packages = new HashSet<>();
        Set<String> rules = new TreeSet<>();
        Set<String> classes = new HashSet<>();
        Set<String> wildcards = new HashSet<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            PackageDescr pkg = parse(source.getValue()).orElseThrow(() -> new IllegalStateException(source.getKey() + " does not parse"));
            String packageName = pkg.getName() == null || pkg.getName().isBlank() ? "defaultpkg" : pkg.getName();
            packages.add(packageName);
            for (RuleDescr rule : pkg.getRules()) {
                rules.add(packageName + "." + rule.getName());
            }
            for (ImportDescr i : pkg.getImports()) {
                if (i.getTarget().endsWith(".*")) {
                    wildcards.add(i.getTarget().substring(0, i.getTarget().length() - 2));
                } else {
                    classes.add(i.getTarget());
                }
            }
            for (FunctionImportDescr f : pkg.getFunctionImports()) {
                String target = f.getTarget();
                String owner = target.substring(0, Math.max(0, target.lastIndexOf('.')));
                if (owner.endsWith(".*")) {
                    owner = owner.substring(0, owner.length() - 2);
                }
                classes.add(owner);
            }
        }
        return new DrlOutline(packages, rules, classes, wildcards);
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
