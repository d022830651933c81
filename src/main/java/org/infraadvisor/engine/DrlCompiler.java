package org.infraadvisor.engine;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.RuleConditionElement;
import org.drools.drl.parser.ParserError;
import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.facts.StrategyVote;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles DRL sources into a KieBase with Drools' own builder, reporting errors by file and line. */
final class DrlCompiler {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    record Compiled(KieBase kieBase, Map<String, RuleSet.RuleInfo> rules) {
    }

    /** Compiles without a cache. */
    static Compiled compile(Map<String, String> sources, List<DefinitionProblem> problems) {
        return compile(sources, problems, KieBaseCache.DISABLED);
    }

    /**
     * @param sources DRL text by display name (e.g. {@code rules/strategy/residency.drl})
     * @param problems receives every compile error; when any is added the result is null
     * @param cache where a KieBase compiled earlier from exactly these sources may be found, and is kept
     */
    static Compiled compile(Map<String, String> sources, List<DefinitionProblem> problems, KieBaseCache cache) {
        Map<String, String> displayNameByKiePath = new HashMap<>();
        Map<String, String> sourceByKiePath = kiePaths(sources, displayNameByKiePath);
        String cacheKey = cache.key(sourceByKiePath);
        KieBase cached = cache.read(cacheKey, sourceByKiePath);
        if (cached != null) {
            return compiled(cached, displayNameByKiePath, problems);
        }
        // Drools' KnowledgeBuilder directly rather than a KieBuilder project: a KieBuilder logs every compile error
        // a second time (at ERROR, with Drools' own positions) before we get to report it once, by file, line and column.
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        sourceByKiePath.forEach((kiePath, drl) -> batch.add(
                ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(kiePath), ResourceType.DRL));
        batch.build();
        if (builder.hasErrors()) {
            List<KnowledgeBuilderError> errors = new ArrayList<>(builder.getErrors());
            // A syntax error makes Drools drop the whole package and then complain about every other file in it
            // (and that the parser "returned a null Package"); only the syntax errors say what is really wrong.
            List<KnowledgeBuilderError> syntaxErrors = errors.stream()
                    .filter(e -> e instanceof ParserError && e.getLines().length > 0 && e.getLines()[0] > 0).toList();
            for (KnowledgeBuilderError error : syntaxErrors.isEmpty() ? errors : syntaxErrors) {
                String kiePath = error.getResource() == null ? null : error.getResource().getSourcePath();
                String file = kiePath == null ? "rules" : displayNameByKiePath.getOrDefault(kiePath, kiePath);
                int line = error.getLines().length > 0 ? Math.max(error.getLines()[0], 0) : 0;
                problems.add(DrlErrors.problem(file, line, error, kiePath == null ? null : sourceByKiePath.get(kiePath)));
            }
            return null;
        }
        KieBase kieBase = builder.newKieBase();
        cache.write(cacheKey, kieBase);
        return compiled(kieBase, displayNameByKiePath, problems);
    }

    /** Stores a KieBase compiled from these sources under their key, replacing the entry there. */
    static void keep(Map<String, String> sources, KieBase kieBase, KieBaseCache cache) {
        Map<String, String> sourceByKiePath = kiePaths(sources, new HashMap<>());
        cache.write(cache.key(sourceByKiePath), kieBase);
    }

    /** Each source under a KieFileSystem path in a folder matching its package (the cache key hashes these paths too). */
    private static Map<String, String> kiePaths(Map<String, String> sources, Map<String, String> displayNameByKiePath) {
        Map<String, String> sourceByKiePath = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String folder = packageOf(source.getValue()).replace('.', '/');
            String fileName = source.getKey().substring(source.getKey().lastIndexOf('/') + 1);
            String kiePath = "src/main/resources/" + folder + "/" + (index++) + "-" + fileName;
            sourceByKiePath.put(kiePath, source.getValue());
            displayNameByKiePath.put(kiePath, source.getKey());
            displayNameByKiePath.put(kiePath.substring("src/main/resources/".length()), source.getKey());
        }
        return sourceByKiePath;
    }

    /** The {@code package} a DRL text declares ({@code defaultpkg} when none). */
    static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : "defaultpkg";
    }

    /** The KieBase with its rules' metadata, by rule name (ids must be unique too: {@code verify} checks them). */
    private static Compiled compiled(KieBase kieBase, Map<String, String> displayNameByKiePath, List<DefinitionProblem> problems) {
        Map<String, RuleSet.RuleInfo> rules = new LinkedHashMap<>();
        for (RuleSet.RuleInfo rule : ruleInfo(kieBase, displayNameByKiePath)) {
            rules.put(rule.name(), rule);
        }
        return new Compiled(kieBase, rules);
    }

    private static List<RuleSet.RuleInfo> ruleInfo(KieBase kieBase, Map<String, String> displayNameByKiePath) {
        List<RuleSet.RuleInfo> rules = new ArrayList<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            all.addAll(p.getRules());
        }
        all.sort((a, b) -> a.getName().compareTo(b.getName()));
        for (Rule rule : all) {
            String resource = rule instanceof RuleImpl impl && impl.getResource() != null
                    ? impl.getResource().getSourcePath() : null;
            String file = resource == null ? null : displayNameByKiePath.getOrDefault(resource, resource);
            rules.add(new RuleSet.RuleInfo(RuleIds.of(meta(rule, "id"), rule.getName(), file), rule.getName(),
                    file, meta(rule, "description"), meta(rule, "rationale"),
                    rule instanceof RuleImpl impl && accumulates(impl.getLhs(), StrategyVote.class)));
        }
        return rules;
    }

    /** Whether the condition adds up facts of the type in an {@code accumulate} (at any depth). */
    static boolean accumulates(RuleConditionElement element, Class<?> type) {
        if (element instanceof Accumulate acc && acc.getSource() instanceof org.drools.base.rule.Pattern source
                && source.getObjectType() instanceof ClassObjectType t && type.isAssignableFrom(t.getClassType())) {
            return true;
        }
        if (element instanceof org.drools.base.rule.Pattern p && p.getSource() != null && accumulates(p.getSource(), type)) {
            return true;
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            if (accumulates(nested, type)) {
                return true;
            }
        }
        return false;
    }

    /** Reads {@code @key(...)} metadata; Drools files {@code @description} under its KIE annotation class name. */
    static String meta(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            value = rule.getMetaData().get("org.kie.api.definition.type." + Character.toUpperCase(key.charAt(0)) + key.substring(1));
        }
        if (value == null) {
            return null;
        }
        String s = value.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
