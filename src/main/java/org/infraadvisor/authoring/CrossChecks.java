package org.infraadvisor.authoring;

import org.infraadvisor.authoring.VerifyReport.Finding;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Option;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.dialogue.QuestionType;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.facts.Answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static cross-checks between the dialogue and the rules' {@code Answer(...)} patterns: questions no rule reads,
 * questions no flow asks, and values or numbers a rule tests that the question never gives.
 */
final class CrossChecks {

    private static final Set<String> SPECIAL_VALUES = Set.of(Answer.UNKNOWN, Answer.NOT_ASKED);

    private CrossChecks() {
    }

    static List<Finding> check(RuleSet ruleSet, RuleModel model) {
        Map<String, List<Question>> questions = new LinkedHashMap<>();
        for (Flow flow : ruleSet.flows().values()) {
            flow.questions().forEach(q -> questions.computeIfAbsent(q.id(), id -> new ArrayList<>()).add(q));
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> read = new LinkedHashSet<>();
        for (RuleDef rule : model.rules()) {
            for (AnswerPattern pattern : rule.answers()) {
                for (String qid : pattern.questions()) {
                    read.add(qid);
                    List<Question> asked = questions.get(qid);
                    if (asked == null) {
                        findings.add(new Finding(VerifyReport.UNKNOWN_QUESTION, rule.file(), pattern.line(), rule.name(),
                                "rule \"%s\" reads question '%s', which no flow asks".formatted(rule.name(), qid), null));
                        continue;
                    }
                    for (AnswerTest test : pattern.tests()) {
                        String problem = problem(qid, asked, test);
                        if (problem != null) {
                            findings.add(new Finding(VerifyReport.UNOFFERED_VALUE, rule.file(), pattern.line(), rule.name(),
                                    "rule \"%s\" %s".formatted(rule.name(), problem), null));
                        }
                    }
                }
            }
        }
        for (Flow flow : ruleSet.flows().values()) {
            for (Question q : flow.questions()) {
                if (!read.contains(q.id())) {
                    findings.add(new Finding(VerifyReport.UNUSED_QUESTION, flow.file(), q.line(), q.id(),
                            "flow '%s' asks question '%s', but no rule reads its answer".formatted(flow.id(), q.id()), null));
                }
            }
        }
        return findings;
    }

    /** What is wrong with a test against the question(s) of that id, or null when some question can satisfy it. */
    private static String problem(String qid, List<Question> asked, AnswerTest test) {
        List<String> reasons = new ArrayList<>();
        for (Question q : asked) {
            String reason = problem(q, test);
            if (reason == null) {
                return null;
            }
            reasons.add(reason);
        }
        return reasons.get(0);
    }

    private static String problem(Question q, AnswerTest test) {
        boolean options = q.type() == QuestionType.CHOICE || q.type() == QuestionType.MULTI;
        switch (test.kind()) {
            case VALUE, VALUES -> {
                List<String> unoffered = new ArrayList<>();
                for (String v : test.literals()) {
                    if (SPECIAL_VALUES.contains(v)) {
                        continue;
                    }
                    boolean possible = switch (q.type()) {
                        case CHOICE, MULTI -> q.offers(v);
                        case BOOLEAN -> v.equals("true") || v.equals("false");
                        case NUMBER -> isNumber(v) && inRange(q, Double.parseDouble(v));
                        case TEXT -> true;
                    };
                    if (!possible) {
                        unoffered.add(v);
                    }
                }
                if (unoffered.isEmpty()) {
                    return null;
                }
                String offered = options ? "it offers " + q.options().stream().map(Option::value).toList()
                        : "it is a %s question".formatted(q.type().jsonName()) + range(q);
                return "tests %s = %s, which question '%s' does not offer (%s)".formatted(q.id(),
                        String.join(" / ", unoffered.stream().map(v -> "'" + v + "'").toList()), q.id(), offered);
            }
            case NUMBER -> {
                if (q.type() != QuestionType.NUMBER) {
                    return "tests %s on question '%s', which is a %s question: its answers carry no number, so this is never true"
                            .formatted(test.text(), q.id(), q.type().jsonName());
                }
                double t = Double.parseDouble(test.literals().get(0));
                double min = q.min() == null ? Double.NEGATIVE_INFINITY : q.min();
                double max = q.max() == null ? Double.POSITIVE_INFINITY : q.max();
                boolean possible = switch (test.operator()) {
                    case "<" -> min < t;
                    case "<=" -> min <= t;
                    case ">" -> max > t;
                    case ">=" -> max >= t;
                    case "==" -> min <= t && t <= max;
                    default -> true;
                };
                return possible ? null : "tests %s %s %s, which no answer to question '%s' gives (it accepts%s)"
                        .formatted(q.id(), test.operator(), test.literals().get(0), q.id(), range(q));
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean inRange(Question q, double d) {
        return (q.min() == null || d >= q.min()) && (q.max() == null || d <= q.max());
    }

    private static String range(Question q) {
        if (q.type() != QuestionType.NUMBER || q.min() == null && q.max() == null) {
            return "";
        }
        return " " + org.infraadvisor.dialogue.AnswerValues.format(q.min()) + " to " + org.infraadvisor.dialogue.AnswerValues.format(q.max());
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
