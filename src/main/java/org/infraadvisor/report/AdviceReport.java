package org.infraadvisor.report;

import org.infraadvisor.advice.Recommendation;
import org.infraadvisor.advice.Recommendation.Because;
import org.infraadvisor.advice.Recommendation.ExplanationStep;
import org.infraadvisor.advice.Recommendation.Reasons;
import org.infraadvisor.conversation.ConversationView;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a report shows, whatever its format: the conversation's answers and its recommendation with the
 * reasons behind each conclusion. Renderers only lay it out.
 */
record AdviceReport(String title, Instant updatedAt, List<ConversationView.AnswerView> answers, Recommendation advice) {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** One line of a "Why?": a rule with its description, or an answer of the user. */
    record Reason(String heading, String text) {
    }

    /** The rules (with their descriptions) and the user's answers behind one conclusion. */
    List<Reason> rulesBehind(Reasons reasons) {
        if (reasons == null) {
            return List.of();
        }
        Map<String, ExplanationStep> steps = advice.explanation().stream()
                .collect(Collectors.toMap(ExplanationStep::rule, Function.identity(), (a, b) -> a));
        List<Reason> lines = new ArrayList<>();
        for (String rule : reasons.rules()) {
            ExplanationStep step = steps.get(rule);
            lines.add(new Reason(rule, step == null || step.description() == null ? "" : step.description()));
        }
        return lines;
    }

    List<Reason> answersBehind(Reasons reasons) {
        if (reasons == null) {
            return List.of();
        }
        return reasons.because().stream().map(AdviceReport::answer).toList();
    }

    static Reason answer(Because b) {
        return new Reason(Objects.requireNonNullElse(b.text(), b.question()), Objects.requireNonNullElse(b.label(), String.valueOf(b.answer())));
    }

    /** The planning horizon the costs are compared over, when the user gave one. */
    String costHorizon() {
        return answers.stream().filter(a -> a.question().equals("horizon_years") && a.value() instanceof Number)
                .map(a -> "over " + ReportText.number(((Number) a.value()).doubleValue()) + " years")
                .findFirst().orElse("over the planning horizon");
    }

    /** Named by date, never by conversation id (a report may be shared; the id grants changing the conversation). */
    String fileName(String extension) {
        return "infra-advice-" + FILE_DATE.format(updatedAt) + "." + extension;
    }
}
