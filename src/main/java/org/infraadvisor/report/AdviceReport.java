package org.infraadvisor.report;

import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.Headline;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.document.RecommendationDocument.AnswerText;
import org.infraadvisor.document.RecommendationDocument.AssumptionUsed;
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
 * Everything a report shows, whatever its format: first the {@link Headline} (page one), then each part of the advice
 * in its section, the user's answers, and the rules the advice rests on, each once, in an appendix. Renderers only
 * lay it out.
 */
public record AdviceReport(String title, Instant updatedAt, List<ConversationView.AnswerView> answers, RecommendationDocument advice,
                           List<ConversationView.LeftOpen> questionsLeftOpen) {

    static final String LEFT_OPEN = "Questions left open";
    static final String LEFT_OPEN_INTRO = "You asked for the advice before answering these questions, so it counts them as unknown. "
            + "What answering each could change:";

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** An item's answers are named beside it when there are at most this many; more are the whole workload profile. */
    static final int ITEM_ANSWERS = 3;

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

    Headline headline() {
        return Headline.of(advice);
    }

    /**
     * Why an item: "Recommend the five best-ranked accelerators" or "A small team … (your answer: Servers and virtual
     * machines)"; the answers only when a few decide it, since the rest rests on the whole workload. Empty without reasons.
     */
    String why(Reasons reasons) {
        if (reasons == null || reasons.rules().isEmpty() && reasons.answers().isEmpty()) {
            return "";
        }
        List<String> rules = reasons.rules().stream().map(id -> {
            RuleText rule = advice.rules().get(id);
            return rule == null ? null : rule.name();
        }).filter(java.util.Objects::nonNull).toList();
        List<String> labels = new ArrayList<>();
        if (reasons.answers().size() <= ITEM_ANSWERS) {
            for (String question : reasons.answers()) {
                AnswerText a = advice.answers().get(question);
                if (a != null) {
                    labels.add(a.label());
                }
            }
        }
        String text = String.join("; ", rules);
        if (!labels.isEmpty()) {
            text += (text.isEmpty() ? "" : " ") + "(your answer" + (labels.size() == 1 ? ": " : "s: ") + String.join("; ", labels) + ")";
        }
        return text;
    }

    /** A question left open when the user finished early, and what answering it could change, in a sentence. */
    record OpenQuestion(String text, String couldChange) {
    }

    /** The questions left open, most decisive first; empty unless the user finished early. */
    List<OpenQuestion> openQuestions() {
        return questionsLeftOpen.stream().map(q -> new OpenQuestion(q.text(), Readable.couldChange(q.strategies(),
                q.accelerators().stream().map(a -> Readable.times(a.count(), a.vendor() + " " + a.model())).toList()))).toList();
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

    /** A catalogue figure as a reader sees it, by its label, never its key: "Electricity price: 0.1 USD/kWh (not confirmed)". */
    static String assumption(AssumptionUsed a) {
        return Readable.assumption(a.label(), a.value(), a.unit()) + (a.confirmed() ? "" : " (not confirmed)");
    }

    /** The planning horizon the costs are compared over: "over 3 years". */
    String costHorizon() {
        return headline().horizon();
    }

    /** Named by date, never by conversation id (a report may be shared; the id grants changing the conversation). */
    public String fileName(String extension) {
        return "infra-advice-" + FILE_DATE.format(updatedAt) + "." + extension;
    }
}
