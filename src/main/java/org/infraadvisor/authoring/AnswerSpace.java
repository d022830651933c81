package org.infraadvisor.authoring;

import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.Condition;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answers worth trying for one flow: the questions the rules read (and those that decide whether they are
 * asked), each with representative values — every option, "unknown", and for numbers the limits of the
 * question plus both sides of every threshold a rule or condition tests.
 */
final class AnswerSpace {

    record Dimension(Question question, List<Object> values) {
    }

    private AnswerSpace() {
    }

    static List<Dimension> of(Flow flow, RuleModel model) {
        Set<String> relevant = new LinkedHashSet<>();
        model.rules().forEach(r -> relevant.addAll(r.questionsRead()));
        boolean grown = true;
        while (grown) {
            grown = false;
            for (Question q : flow.questions()) {
                if (relevant.contains(q.id())) {
                    for (Condition.Clause c : q.askIf().clauses()) {
                        grown |= relevant.add(c.question());
                    }
                }
            }
        }
        List<Dimension> dims = new ArrayList<>();
        for (Question q : flow.questions()) {
            if (relevant.contains(q.id())) {
                dims.add(new Dimension(q, values(flow, q, model)));
            }
        }
        return dims;
    }

    private static List<Object> values(Flow flow, Question q, RuleModel model) {
        List<Object> values = new ArrayList<>(AnswerValues.choices(q));
        switch (q.type()) {
            case NUMBER -> values.addAll(numbers(flow, q, model));
            case TEXT -> {
                Set<String> texts = new LinkedHashSet<>();
                texts.add("some text");
                tests(q, model).stream().filter(t -> t.kind() == AnswerTest.Kind.VALUE).forEach(t -> texts.addAll(t.literals()));
                values.addAll(texts);
            }
            default -> {
            }
        }
        values.add(AnswerValues.UNKNOWN);
        return values;
    }

    /** The limits, a few points in between (spread by magnitude), and both sides of each threshold. */
    private static List<Object> numbers(Flow flow, Question q, RuleModel model) {
        double min = q.min() == null ? 0 : q.min();
        double max = q.max() == null ? Math.max(min, 1) * 1000 : q.max();
        TreeSet<Double> points = new TreeSet<>();
        points.add(min);
        points.add(max);
        double low = min > 0 ? min : 1;
        if (max > low * 10) {
            double ratio = Math.pow(max / low, 1.0 / 4);
            for (int i = min > 0 ? 1 : 0; i < 4; i++) {
                points.add(round(low * Math.pow(ratio, i)));
            }
        } else if (max > min) {
            for (int i = 1; i < 4; i++) {
                points.add(round(min + (max - min) * i / 4));
            }
        }
        List<Double> thresholds = new ArrayList<>();
        for (AnswerTest t : tests(q, model)) {
            if (t.kind() == AnswerTest.Kind.NUMBER) {
                thresholds.add(Double.parseDouble(t.literals().get(0)));
            }
        }
        for (Condition.Clause c : flow.clausesReading(q.id())) {
            if (c.min() != null) {
                thresholds.add(c.min());
            }
            if (c.max() != null) {
                thresholds.add(c.max());
            }
        }
        for (double t : thresholds) {
            double delta = Math.max(Math.abs(t) * 0.01, 0.001);
            for (double v : new double[]{t - delta, t, t + delta}) {
                if (v >= min && v <= max) {
                    points.add(v);
                }
            }
        }
        return new ArrayList<>(points);
    }

    private static double round(double d) {
        if (d == 0) {
            return 0;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(Math.abs(d))) - 1);
        return Math.round(d / scale) * scale;
    }

    private static List<AnswerTest> tests(Question q, RuleModel model) {
        List<AnswerTest> tests = new ArrayList<>();
        for (RuleDef r : model.rules()) {
            for (AnswerPattern p : r.answers()) {
                if (p.questions().contains(q.id())) {
                    tests.addAll(p.tests());
                }
            }
        }
        return tests;
    }
}
