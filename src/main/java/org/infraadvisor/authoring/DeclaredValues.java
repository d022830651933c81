package org.infraadvisor.authoring;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.engine.CatalogueLoader;
import org.infraadvisor.engine.RuleIds;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.facts.Accelerator;
import org.infraadvisor.facts.Readiness;
import org.infraadvisor.facts.Risk;
import org.infraadvisor.facts.StrategyVote;
import org.infraadvisor.knowledge.Fit;
import org.infraadvisor.knowledge.Option;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every value a rule emits or compares that the API or the catalogue enumerates (strategies, severities,
 * readiness pillars and statuses, accelerator ids, software stacks, placements, fit categories) against its
 * declaration, and that every rule has a unique {@code @id} and runs in a declared phase. A rule that votes for
 * {@code "cloud-frist"} would silently drop its vote; here it is a problem naming file, line and value, so verify
 * fails and a reload is refused.
 */
final class DeclaredValues {

    /** A declared vocabulary: what it is called in a message, and its values. */
    private record Vocabulary(String what, Set<String> values) {
    }

    /** Which argument of a result fact's constructor carries which vocabulary. */
    private record Argument(int index, int ofArity, Vocabulary vocabulary) {
    }

    private static final Pattern NEW_FACT = Pattern.compile(
            "new\\s+(?:[\\w.]+\\.)?(StrategyVote|StrategyChoice|HardConstraint|StrategyTotal|CostEstimate|Risk|Readiness|Fit|Exclusion|Cheapest|CostBasis|PrimaryPlacement)\\s*\\(");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Vocabulary strategies = new Vocabulary("strategy", Set.copyOf(StrategyVote.STRATEGIES));
    private final Vocabulary severities = new Vocabulary("risk severity", Set.copyOf(Risk.SEVERITIES));
    private final Vocabulary pillars = new Vocabulary("readiness pillar", Set.copyOf(Readiness.PILLARS));
    private final Vocabulary statuses = new Vocabulary("readiness status", Set.copyOf(Readiness.STATUSES));
    private final Vocabulary placements = new Vocabulary("placement", Option.PLACEMENTS);
    private final Vocabulary categories = new Vocabulary("fit category", Fit.CATEGORIES);
    private final Vocabulary stacks = new Vocabulary("software stack", CatalogueLoader.STACKS);
    private final Vocabulary acceleratorIds;

    /** Field compared in a pattern of a fact type -> its vocabulary. */
    private final Map<String, Map<String, Vocabulary>> compared = new LinkedHashMap<>();
    /** Constructor arguments of result facts -> their vocabulary. */
    private final Map<String, List<Argument>> emitted = new LinkedHashMap<>();

    private final List<DefinitionProblem> problems = new ArrayList<>();

    private DeclaredValues(RuleSet ruleSet) {
        Set<String> ids = new TreeSet<>();
        ruleSet.accelerators().stream().map(Accelerator::getId).forEach(ids::add);
        acceleratorIds = new Vocabulary("accelerator id", ids);
        for (String type : List.of("StrategyVote", "StrategyChoice", "StrategyTotal", "HardConstraint", "CostEstimate")) {
            compared.put(type, Map.of("strategy", strategies));
            emitted.put(type, List.of(new Argument(0, 0, strategies)));
        }
        compared.put("Risk", Map.of("severity", severities));
        compared.put("Readiness", Map.of("pillar", pillars, "status", statuses));
        compared.put("Accelerator", Map.of("id", acceleratorIds, "softwareStack", stacks));
        for (String type : List.of("Exclusion", "Option", "Ranked", "Cheapest", "CostBasis", "PrimaryPlacement")) {
            compared.put(type, Map.of("placement", placements));
        }
        compared.put("Fit", Map.of("placement", placements, "category", categories));
        compared.put("*", Map.of("softwareStack", stacks));
        emitted.put("Risk", List.of(new Argument(0, 0, severities)));
        emitted.put("Readiness", List.of(new Argument(0, 0, pillars), new Argument(1, 0, statuses)));
        emitted.put("Fit", List.of(new Argument(2, 4, categories), new Argument(1, 5, placements), new Argument(3, 5, categories)));
        emitted.put("Exclusion", List.of(new Argument(1, 0, placements)));
        emitted.put("Cheapest", List.of(new Argument(0, 0, placements)));
        emitted.put("CostBasis", List.of(new Argument(0, 0, placements)));
        emitted.put("PrimaryPlacement", List.of(new Argument(0, 0, placements)));
    }

    /** Problems with file and line; empty when every value is declared. */
    static List<DefinitionProblem> check(RuleSet ruleSet) {
        DeclaredValues check = new DeclaredValues(ruleSet);
        Map<String, String> firstFileOfId = new LinkedHashMap<>();
        for (Map.Entry<String, String> source : ruleSet.sources().entrySet()) {
            PackageDescr pkg = parse(source.getValue());
            if (pkg == null) {
                continue; // the compiler reports syntax errors
            }
            for (RuleDescr rule : pkg.getRules()) {
                if (rule.isRule()) {
                    check.rule(source.getKey(), source.getValue(), rule, ruleSet.phases(), firstFileOfId);
                }
            }
        }
        return List.copyOf(check.problems);
    }

    /**
     * Rules without an {@code @id} (the service falls back to file and name) or, when the rule set declares phases,
     * without a phase (it runs after every phase): findings, not problems, since such rules still work.
     */
    static List<VerifyReport.Finding> findings(RuleSet ruleSet) {
        List<VerifyReport.Finding> findings = new ArrayList<>();
        for (Map.Entry<String, String> source : ruleSet.sources().entrySet()) {
            PackageDescr pkg = parse(source.getValue());
            if (pkg == null) {
                continue;
            }
            for (RuleDescr rule : pkg.getRules()) {
                if (!rule.isRule()) {
                    continue;
                }
                if (annotation(rule, "id") == null) {
                    findings.add(new VerifyReport.Finding(VerifyReport.RULE_WITHOUT_ID, source.getKey(), rule.getLine(), rule.getName(),
                            "rule \"%s\" has no @id(\"...\"), so its id is derived from its file and name and changes when they do"
                                    .formatted(rule.getName()), null));
                }
                if (!ruleSet.phases().isEmpty() && rule.getAttributes().get("ruleflow-group") == null
                        && rule.getAttributes().get("agenda-group") == null) {
                    findings.add(new VerifyReport.Finding(VerifyReport.RULE_WITHOUT_PHASE, source.getKey(), rule.getLine(), rule.getName(),
                            "rule \"%s\" has no phase, so it runs after all of them; add ruleflow-group \"...\" with one of %s (rules/phases.yaml)"
                                    .formatted(rule.getName(), ruleSet.phases()), null));
                }
            }
        }
        return findings;
    }

    private static PackageDescr parse(String drl) {
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, drl);
            return parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException e) {
            return null;
        }
    }

    private void rule(String file, String source, RuleDescr rule, List<String> phases, Map<String, String> firstFileOfId) {
        String id = annotation(rule, "id");
        // a rule without @id is known by its file and name (RuleIds): that id must be unique as well
        String effective = id != null ? id : RuleIds.of(null, rule.getName(), file);
        String earlier = firstFileOfId.putIfAbsent(effective, file + ":" + rule.getLine());
        if (earlier != null) {
            problem(file, rule.getLine(), (id != null ? "rule \"%s\" has @id(\"%s\"), already used at %s; ids must be unique"
                    : "rule \"%s\" has the id \"%s\" (from its file and name), already used at %s; give it its own @id(...)")
                    .formatted(rule.getName(), effective, earlier));
        }
        phase(file, rule, phases);
        walk(file, rule, rule.getLhs());
        consequence(file, source, rule);
    }

    private void phase(String file, RuleDescr rule, List<String> phases) {
        AttributeDescr group = rule.getAttributes().get("ruleflow-group");
        if (group == null) {
            group = rule.getAttributes().get("agenda-group");
        }
        String name = group == null ? null : group.getValue();
        if (name != null && !phases.contains(name)) {
            problem(file, group.getLine() > 0 ? group.getLine() : rule.getLine(),
                    "rule \"%s\" is in phase '%s', which rules/phases.yaml does not declare, so it would never fire; declared: %s"
                            .formatted(rule.getName(), name, phases));
        }
    }

    private void walk(String file, RuleDescr rule, BaseDescr descr) {
        if (descr instanceof PatternDescr p) {
            if (p.getSource() instanceof AccumulateDescr acc && acc.getInput() != null) {
                walk(file, rule, acc.getInput());
            }
            pattern(file, rule, p);
        } else if (descr instanceof ConditionalElementDescr ce) {
            for (Object d : ce.getDescrs()) {
                walk(file, rule, (BaseDescr) d);
            }
        }
    }

    private void pattern(String file, RuleDescr rule, PatternDescr p) {
        String type = p.getObjectType().substring(p.getObjectType().lastIndexOf('.') + 1);
        Map<String, Vocabulary> fields = new LinkedHashMap<>(compared.getOrDefault("*", Map.of()));
        fields.putAll(compared.getOrDefault(type, Map.of()));
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr expr)) {
                continue;
            }
            int line = expr.getLine() > 0 ? expr.getLine() : p.getLine();
            for (Map.Entry<String, Vocabulary> f : fields.entrySet()) {
                String field = "(?<![\\w$])(?:[\\w$]+\\.)*" + Pattern.quote(f.getKey());
                Matcher eq = Pattern.compile(field + "\\s*(?:==|!=)\\s*\"([^\"]*)\"").matcher(expr.getExpression());
                while (eq.find()) {
                    compare(file, line, rule, type, f.getKey(), f.getValue(), eq.group(1));
                }
                Matcher in = Pattern.compile(field + "\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)").matcher(expr.getExpression());
                while (in.find()) {
                    Matcher s = STRING.matcher(in.group(1));
                    while (s.find()) {
                        compare(file, line, rule, type, f.getKey(), f.getValue(), s.group(1));
                    }
                }
            }
        }
    }

    private void compare(String file, int line, RuleDescr rule, String type, String field, Vocabulary v, String value) {
        if (!v.values().contains(value)) {
            problem(file, line, "rule \"%s\" compares %s.%s with '%s', which is not a declared %s; declared: %s"
                    .formatted(rule.getName(), type, field, value, v.what(), sorted(v.values())));
        }
    }

    private void consequence(String file, String source, RuleDescr rule) {
        String text = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
        Matcher m = NEW_FACT.matcher(text);
        int searchFrom = offsetOfLine(source, rule.getConsequenceLine());
        while (m.find()) {
            int at = source.indexOf(m.group(), searchFrom);
            int line = at < 0 ? rule.getConsequenceLine() : lineOf(source, at);
            searchFrom = at < 0 ? searchFrom : at + 1;
            List<String> args = arguments(text, m.end());
            for (Argument a : emitted.getOrDefault(m.group(1), List.of())) {
                if ((a.ofArity() != 0 && args.size() != a.ofArity()) || a.index() >= args.size()) {
                    continue;
                }
                for (String value : literals(args.get(a.index()))) {
                    if (!a.vocabulary().values().contains(value)) {
                        problem(file, line, "rule \"%s\" emits %s with %s '%s', which is not declared; declared: %s"
                                .formatted(rule.getName(), m.group(1), a.vocabulary().what(), value, sorted(a.vocabulary().values())));
                    }
                }
            }
        }
    }

    private static int offsetOfLine(String source, int line) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = source.indexOf('\n', offset) + 1;
        }
        return Math.max(0, offset);
    }

    private static int lineOf(String source, int offset) {
        return 1 + (int) source.substring(0, offset).chars().filter(ch -> ch == '\n').count();
    }

    /** The top-level arguments of a call whose argument list starts at {@code from} (just after the parenthesis). */
    static List<String> arguments(String text, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inString) {
                current.append(ch);
                if (ch == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            if (ch == '"') {
                inString = true;
            } else if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (depth == 0) {
                    args.add(current.toString().strip());
                    return args;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                args.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(ch);
        }
        return args;
    }

    /**
     * The string literals an argument can evaluate to: the literal itself, or the branches of a conditional
     * ({@code top ? "medium" : "low"}). An argument built by concatenation is computed, not checked.
     */
    static List<String> literals(String arg) {
        String expr = arg;
        int question = topLevel(expr, '?');
        if (question >= 0) {
            expr = expr.substring(question + 1);
        } else if (topLevel(expr, '+') >= 0 || !expr.startsWith("\"")) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        Matcher s = STRING.matcher(expr);
        while (s.find()) {
            values.add(s.group(1));
        }
        return values;
    }

    private static int topLevel(String expr, char wanted) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < expr.length(); i++) {
            char ch = expr.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == wanted && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static String annotation(RuleDescr rule, String key) {
        AnnotationDescr a = rule.getAnnotation(key);
        if (a == null || a.getValue() == null) {
            return null;
        }
        String s = a.getValue().toString().strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static String sorted(Collection<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }

    private void problem(String file, int line, String message) {
        problems.add(new DefinitionProblem(file, line, message));
    }
}
