package org.infraadvisor.progress;

import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.dialogue.QuestionType;

import java.util.List;
import java.util.TreeSet;

/**
 * The answers tried for a question to see whether it could change the advice: every option (for a multiple choice
 * each option alone and all of them), yes and no, and for numbers the flow's samples ({@code asking.samples}, one
 * value per band), or else four values spread between the question's limits by order of magnitude. Free text is
 * not tried.
 */
public final class Candidates {

    private static final int SPREAD = 4;

    private Candidates() {
    }

    public static List<Object> of(Flow flow, Question q) {
        if (q.type() != QuestionType.NUMBER) {
            return AnswerValues.choices(q);
        }
        return List.copyOf(numbers(flow, q));
    }

    private static List<Double> numbers(Flow flow, Question q) {
        List<Double> samples = flow.asking().samplesOf(q.id());
        if (!samples.isEmpty()) {
            return samples;
        }
        double min = q.min() == null ? 0 : q.min();
        double max = q.max() == null ? Math.max(min, 1) * 1000 : q.max();
        TreeSet<Double> points = new TreeSet<>();
        double low = min > 0 ? min : Math.min(1, max);
        if (max > low * 10) {
            double ratio = Math.pow(max / low, 1.0 / (SPREAD - 1));
            for (int i = 0; i < SPREAD; i++) {
                points.add(Math.min(max, low * Math.pow(ratio, i)));
            }
        } else {
            for (int i = 0; i < SPREAD; i++) {
                points.add(min + (max - min) * i / (SPREAD - 1));
            }
        }
        return List.copyOf(points);
    }
}
