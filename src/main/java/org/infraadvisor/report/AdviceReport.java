package org.infraadvisor.report;

import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.document.RecommendationDocument.AnswerText;
import org.infraadvisor.document.RecommendationDocument.Reasons;
import org.infraadvisor.document.RecommendationDocument.RuleText;
import org.infraadvisor.format.Readable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, whatever its format: the conversation's answers and its recommendation with the
 * reasons behind each conclusion. Renderers only lay it out.
 */
public record AdviceReport(String title, Instant updatedAt, List<ConversationView.AnswerView> answers, RecommendationDocument advice) {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** One line of a "Why?": a rule with its description, or an answer of the user. */
    record Reason(String heading, String text) {
    }

    /** A rule the advice names, once, with its description and background. */
    record Rule(String name, String description, String rationale) {
    }

    public String markdown() {
        return MarkdownReport.render(this);
    }

    public String html() {
        return HtmlReport.render(this);
    }

    public byte[] pdf() {
        return PdfReport.render(this);
    }

    /** The rules (with their descriptions) behind one conclusion. */
    List<Reason> rulesBehind(Reasons reasons) {
        if (reasons == null) {
            return List.of();
        }
        List<Reason> lines = new ArrayList<>(reasons.rules().size());
        for (String id : reasons.rules()) {
            RuleText rule = advice.rules().get(id);
            lines.add(rule == null ? new Reason(id, "") : new Reason(rule.name(), rule.description() == null ? "" : rule.description()));
        }
        return lines;
    }

    /** The user's answers behind one conclusion: the question and the answer as the user gave it. */
    List<Reason> answersBehind(Reasons reasons) {
        if (reasons == null) {
            return List.of();
        }
        List<Reason> lines = new ArrayList<>(reasons.answers().size());
        for (String question : reasons.answers()) {
            AnswerText a = advice.answers().get(question);
            lines.add(a == null ? new Reason(question, Readable.UNKNOWN_ANSWER) : new Reason(a.text(), a.label()));
        }
        return lines;
    }

    /** Every rule the advice names, each once, in the order they are first named. */
    List<Rule> ruleTrail() {
        List<Rule> rules = new ArrayList<>(advice.rules().size());
        for (Map.Entry<String, RuleText> e : advice.rules().entrySet()) {
            RuleText r = e.getValue();
            rules.add(new Rule(r.name(), r.description(), r.rationale()));
        }
        return rules;
    }

    /** The planning horizon the costs are compared over, when the user gave one. */
    String costHorizon() {
        return answers.stream().filter(a -> a.question().equals("horizon_years") && a.value() instanceof Number)
                .map(a -> "over " + Readable.number(((Number) a.value()).doubleValue()) + " years")
                .findFirst().orElse("over the planning horizon");
    }

    /** Named by date, never by conversation id (a report may be shared; the id grants changing the conversation). */
    public String fileName(String extension) {
        return "infra-advice-" + FILE_DATE.format(updatedAt) + "." + extension;
    }
}
