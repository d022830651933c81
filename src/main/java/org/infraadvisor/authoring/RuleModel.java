package org.infraadvisor.authoring;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.infraadvisor.engine.DrlOutline;
import org.infraadvisor.engine.RuleSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rules read and conclude, from Drools' own DRL descriptors ({@code PackageDescr} → {@code RuleDescr} →
 * {@code PatternDescr} → constraints parsed by Drools' expression parser): which questions each rule tests and
 * how, and which strategy it argues for. Used by verify's cross-checks and by why-not explanations.
 */
public record RuleModel(List<RuleDef> rules, Set<String> strategies) {

    private static final String ANSWER = "Answer";
    private static final Pattern STRATEGY_FACT = Pattern.compile(
            "new\\s+(?:[\\w.]+\\.)?(StrategyVote|StrategyChoice|\\w*Constraint)\\s*\\(\\s*\"([^\"]+)\"(?:\\s*,\\s*(-?\\d+))?");
    private static final Map<String, RuleModel> CACHE = new ConcurrentHashMap<>();

    /** The model of a rule set's DRL, computed once per version. */
    public static RuleModel of(RuleSet ruleSet) {
        if (CACHE.size() > 32) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(ruleSet.version(), v -> parse(ruleSet.sources()));
    }

    public static RuleModel parse(Map<String, String> sources) {
        List<RuleDef> rules = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            java.util.Optional<PackageDescr> parsed = DrlOutline.parse(source.getValue());
            if (parsed.isEmpty()) {
                continue; // the compiler reports syntax errors with file and line
            }
            PackageDescr pkg = parsed.get();
            for (RuleDescr rule : pkg.getRules()) {
                if (rule.isRule()) {
                    rules.add(new Reader(source.getKey()).read(rule));
                }
            }
        }
        Set<String> strategies = new TreeSet<>();
        rules.forEach(r -> strategies.addAll(r.supports()));
        return new RuleModel(List.copyOf(rules), Set.copyOf(strategies));
    }

    public java.util.Optional<RuleDef> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Rules that argue for the strategy, in file order. */
    public List<RuleDef> supporting(String strategy) {
        return rules.stream().filter(r -> r.supports().contains(strategy)).toList();
    }

    /** Reads one rule's conditions and consequence. */
    private static final class Reader {
        private final String file;
        private final List<AnswerPattern> answers = new ArrayList<>();
        private final List<String> others = new ArrayList<>();

        Reader(String file) {
            this.file = file;
        }

        RuleDef read(RuleDescr rule) {
            walk(rule.getLhs(), AnswerPattern.Placement.REQUIRED);
            String consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
            Set<String> supports = new LinkedHashSet<>();
            Map<String, Integer> votes = new LinkedHashMap<>();
            boolean decides = false;
            Matcher m = STRATEGY_FACT.matcher(consequence);
            while (m.find()) {
                supports.add(m.group(2));
                decides |= m.group(1).equals("StrategyChoice");
                if (m.group(1).equals("StrategyVote") && m.group(3) != null) {
                    votes.merge(m.group(2), Integer.parseInt(m.group(3)), Integer::sum);
                }
            }
            Set<String> declared = annotationValues(rule.getAnnotation("supports"));
            return new RuleDef(rule.getName(), file, rule.getLine(), annotationText(rule.getAnnotation("description")),
                    declared.isEmpty() ? supports : declared, votes, List.copyOf(answers), List.copyOf(others), decides);
        }

        private void walk(BaseDescr descr, AnswerPattern.Placement placement) {
            if (descr instanceof PatternDescr p) {
                pattern(p, placement);
            } else if (descr instanceof NotDescr not) {
                not.getDescrs().forEach(d -> walk(d, placement == AnswerPattern.Placement.REQUIRED
                        ? AnswerPattern.Placement.NEGATED : AnswerPattern.Placement.NESTED));
            } else if (descr instanceof ExistsDescr exists && exists.getDescrs().size() == 1) {
                walk((BaseDescr) exists.getDescrs().get(0), placement);
            } else if (descr instanceof org.drools.drl.ast.descr.AndDescr and) {
                and.getDescrs().forEach(d -> walk(d, placement));
            } else if (descr instanceof EvalDescr eval) {
                if (placement == AnswerPattern.Placement.REQUIRED) {
                    others.add("eval(" + eval.getContent() + ")");
                }
            } else if (descr instanceof ConditionalElementDescr ce) {
                ce.getDescrs().forEach(d -> walk(d, AnswerPattern.Placement.NESTED));
            }
        }

        private void pattern(PatternDescr p, AnswerPattern.Placement placement) {
            if (p.getSource() instanceof AccumulateDescr acc && acc.getInput() != null) {
                walk(acc.getInput(), AnswerPattern.Placement.NESTED);
            } else if (p.getSource() instanceof CollectDescr collect && collect.getInputPattern() != null) {
                walk(collect.getInputPattern(), AnswerPattern.Placement.NESTED);
            }
            String type = p.getObjectType();
            boolean isAnswer = ANSWER.equals(type) || type.endsWith("." + ANSWER);
            if (!isAnswer) {
                boolean plain = !(p.getSource() instanceof AccumulateDescr) && !(p.getSource() instanceof CollectDescr);
                if (plain && placement == AnswerPattern.Placement.REQUIRED) {
                    others.add(text(p));
                } else if (plain && placement == AnswerPattern.Placement.NEGATED) {
                    others.add("not " + text(p));
                }
                return;
            }
            if (p.getSource() != null) {
                placement = AnswerPattern.Placement.NESTED;
            }
            List<String> questions = new ArrayList<>();
            List<AnswerTest> tests = new ArrayList<>();
            List<String> bindings = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                if (!(c instanceof ExprConstraintDescr expr)) {
                    continue;
                }
                DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
                ConstraintConnectiveDescr parsed = parser.parse(expr.getExpression());
                if (parser.hasErrors() || parsed == null) {
                    tests.add(opaque(expr.getExpression()));
                    continue;
                }
                for (BaseDescr conjunct : conjuncts(parsed)) {
                    classify(conjunct, questions, tests, bindings);
                }
            }
            answers.add(new AnswerPattern(List.copyOf(questions), placement, p.getLine(), text(p), mergeNotIn(tests),
                    List.copyOf(bindings)));
        }

        /** {@code value not in ("a", "b")} arrives as two {@code value != ...} conjuncts; read them as one test. */
        private static List<AnswerTest> mergeNotIn(List<AnswerTest> tests) {
            List<AnswerTest> notIn = tests.stream()
                    .filter(t -> t.kind() == AnswerTest.Kind.VALUE && t.operator().equals("!=")).toList();
            if (notIn.size() < 2) {
                return List.copyOf(tests);
            }
            List<AnswerTest> merged = new ArrayList<>();
            boolean added = false;
            for (AnswerTest t : tests) {
                if (!notIn.contains(t)) {
                    merged.add(t);
                } else if (!added) {
                    merged.add(new AnswerTest(AnswerTest.Kind.VALUE, "!=", notIn.stream().flatMap(x -> x.literals().stream()).toList(),
                            String.join(" && ", notIn.stream().map(AnswerTest::text).toList())));
                    added = true;
                }
            }
            return List.copyOf(merged);
        }

        private static List<BaseDescr> conjuncts(ConstraintConnectiveDescr c) {
            List<BaseDescr> out = new ArrayList<>();
            if (c.getConnective() != ConnectiveType.AND) {
                out.add(c);
                return out;
            }
            for (BaseDescr d : c.getDescrs()) {
                if (d instanceof ConstraintConnectiveDescr inner && inner.getConnective() == ConnectiveType.AND
                        && !allValueInequalities(inner)) {
                    out.addAll(conjuncts(inner));
                } else {
                    out.add(d);
                }
            }
            return out;
        }

        private static boolean allValueInequalities(ConstraintConnectiveDescr c) {
            return c.getDescrs().stream().allMatch(d -> d instanceof RelationalExprDescr r && r.getOperator().equals("!=")
                    && "value".equals(field(r.getLeft())) && stringLiteral(r.getRight()) != null);
        }

        private static void classify(BaseDescr d, List<String> questions, List<AnswerTest> tests, List<String> bindings) {
            String text = d.toString();
            if (d instanceof BindingDescr b) {
                bindings.add(b.getVariable());
                return;
            }
            if (d instanceof RelationalExprDescr r) {
                relational(r, questions, tests);
                return;
            }
            if (d instanceof ConstraintConnectiveDescr c && !c.getDescrs().isEmpty()) {
                List<RelationalExprDescr> parts = c.getDescrs().stream()
                        .filter(RelationalExprDescr.class::isInstance).map(RelationalExprDescr.class::cast).toList();
                String op = c.getConnective() == ConnectiveType.OR ? "==" : c.getConnective() == ConnectiveType.AND ? "!=" : null;
                if (op != null && parts.size() == c.getDescrs().size()) {
                    String f = field(parts.get(0).getLeft());
                    List<String> literals = parts.stream().map(p -> stringLiteral(p.getRight())).toList();
                    boolean same = parts.stream().allMatch(p -> p.getOperator().equals(op) && f != null && f.equals(field(p.getLeft())))
                            && literals.stream().allMatch(java.util.Objects::nonNull);
                    if (same && f.equals("question") && op.equals("==")) {
                        questions.addAll(literals);
                        return;
                    }
                    if (same && f.equals("value")) {
                        tests.add(new AnswerTest(AnswerTest.Kind.VALUE, op, literals, text));
                        return;
                    }
                }
                tests.add(opaque(text));
                return;
            }
            if (d instanceof AtomicExprDescr a) {
                String expr = a.getExpression().strip();
                String f = field(a);
                if (f != null && Set.of("known", "unknown", "asked").contains(f)) {
                    tests.add(new AnswerTest(AnswerTest.Kind.FLAG, "==", List.of(f), text));
                    return;
                }
                Matcher has = Pattern.compile("^(?:this\\.)?has\\(\\s*\"([^\"]*)\"\\s*\\)$").matcher(expr);
                if (has.matches()) {
                    tests.add(new AnswerTest(AnswerTest.Kind.VALUES, "contains", List.of(has.group(1)), text));
                    return;
                }
            }
            tests.add(opaque(text));
        }

        private static void relational(RelationalExprDescr r, List<String> questions, List<AnswerTest> tests) {
            String text = r.toString();
            String f = field(r.getLeft());
            String op = (r.isNegated() ? "not " : "") + r.getOperator();
            String s = stringLiteral(r.getRight());
            String raw = r.getRight() instanceof AtomicExprDescr a && a.isLiteral() ? a.getExpression().strip() : null;
            if ("question".equals(f) && op.equals("==") && s != null) {
                questions.add(s);
            } else if ("value".equals(f) && (op.equals("==") || op.equals("!=")) && s != null) {
                tests.add(new AnswerTest(AnswerTest.Kind.VALUE, op, List.of(s), text));
            } else if ("values".equals(f) && (op.equals("contains") || op.equals("not contains")) && s != null) {
                tests.add(new AnswerTest(AnswerTest.Kind.VALUES, op, List.of(s), text));
            } else if ("number".equals(f) && Set.of("<", "<=", ">", ">=", "==", "!=").contains(op) && raw != null && isNumber(raw)) {
                tests.add(new AnswerTest(AnswerTest.Kind.NUMBER, op, List.of(raw.replaceAll("[dDfFlL]$", "")), text));
            } else if (f != null && Set.of("known", "unknown", "asked").contains(f) && raw != null
                    && (raw.equals("true") || raw.equals("false")) && (op.equals("==") || op.equals("!="))) {
                boolean positive = op.equals("==") == raw.equals("true");
                tests.add(new AnswerTest(AnswerTest.Kind.FLAG, positive ? "==" : "!=", List.of(f), text));
            } else {
                tests.add(opaque(text));
            }
        }

        private static AnswerTest opaque(String text) {
            return new AnswerTest(AnswerTest.Kind.OPAQUE, "", List.of(), text);
        }

        /** {@code value}, {@code this.value}, {@code getValue()} and {@code isKnown()} all name a field. */
        private static String field(BaseDescr d) {
            if (!(d instanceof AtomicExprDescr a) || a.isLiteral()) {
                return null;
            }
            String e = a.getExpression().strip();
            if (e.startsWith("this.")) {
                e = e.substring(5);
            }
            Matcher getter = Pattern.compile("^(?:get|is)([A-Z]\\w*)\\(\\)$").matcher(e);
            if (getter.matches()) {
                e = Character.toLowerCase(getter.group(1).charAt(0)) + getter.group(1).substring(1);
            }
            return e.matches("\\w+") ? e : null;
        }

        private static String stringLiteral(BaseDescr d) {
            if (d instanceof AtomicExprDescr a && a.isLiteral()) {
                String e = a.getExpression().strip();
                if (e.length() >= 2 && (e.startsWith("\"") && e.endsWith("\"") || e.startsWith("'") && e.endsWith("'"))) {
                    return e.substring(1, e.length() - 1);
                }
            }
            return null;
        }

        private static boolean isNumber(String s) {
            return s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?[dDfFlL]?");
        }

        private static String text(PatternDescr p) {
            StringBuilder sb = new StringBuilder(p.getObjectType()).append('(');
            List<String> parts = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                parts.add(c instanceof ExprConstraintDescr e ? e.getExpression() : c.getText());
            }
            return sb.append(String.join(", ", parts)).append(')').toString();
        }

        private static Set<String> annotationValues(AnnotationDescr a) {
            String s = annotationText(a);
            Set<String> values = new LinkedHashSet<>();
            if (s != null) {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.strip());
                    }
                }
            }
            return values;
        }

        private static String annotationText(AnnotationDescr a) {
            if (a == null || a.getValue() == null) {
                return null;
            }
            String s = a.getValue().toString().strip();
            return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
        }
    }
}
