package org.infraadvisor.report;

import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.document.RecommendationDocument.Reasons;
import org.infraadvisor.format.Readable;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The advice as a Markdown document. Every text from the user or the rules is escaped, so it reads as written. */
final class MarkdownReport {

    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>|&~#]");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AdviceReport report;
    private final StringBuilder md = new StringBuilder();

    private MarkdownReport(AdviceReport report) {
        this.report = report;
    }

    static String render(AdviceReport report) {
        return new MarkdownReport(report).document();
    }

    /** Escapes Markdown syntax and folds line breaks, so that any text stays one literal line. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return SPECIAL.matcher(oneLine).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    private String document() {
        RecommendationDocument advice = report.advice();
        line("# " + escape(report.title()) + ": advice");
        line();
        line(DATE.format(report.updatedAt()) + " · rules version `" + advice.rulesVersion() + "`");
        line();

        line("## Recommended strategy: " + escape(Readable.strategy(advice.strategy())));
        line();
        if (advice.strategy() != null) {
            line("Confidence: **" + Readable.percent(advice.confidence()) + "**");
            line();
        }
        if (advice.summary() != null) {
            line(escape(advice.summary()));
            line();
        }
        why(advice.strategyReasons(), "");
        line();

        if (!advice.accelerators().isEmpty()) {
            line("## Accelerators");
            line();
            for (var a : advice.accelerators()) {
                line("- **" + a.count() + " × " + escape(a.vendor() + " " + a.model()) + "**" + dash(a.reason()));
                why(a.reasons(), "  ");
            }
            line();
        }
        if (!advice.costs().isEmpty()) {
            line("## Indicative cost " + escape(report.costHorizon()));
            line();
            for (var c : advice.costs()) {
                line("- **" + escape(Readable.strategy(c.strategy())) + ": " + Readable.money(c.totalUsd()) + "**"
                        + (c.strategy().equals(advice.strategy()) ? " (recommended)" : "") + dash(c.breakdown()));
                why(c.reasons(), "  ");
            }
            line();
        }
        if (!advice.sizing().isEmpty()) {
            line("## Sizing");
            line();
            for (var s : advice.sizing()) {
                line("- **" + escape(s.name()) + ": " + Readable.number(s.value()) + " " + escape(s.unit()) + "**" + dash(s.formula()));
                why(s.reasons(), "  ");
            }
            line();
        }
        if (!advice.risks().isEmpty()) {
            line("## Risks");
            line();
            for (var r : advice.risks()) {
                line("- **" + escape(Readable.severity(r.severity())) + ": " + escape(r.title()) + "**" + dash(r.detail()));
                why(r.reasons(), "  ");
            }
            line();
        }
        if (!advice.readiness().isEmpty()) {
            line("## Readiness scorecard");
            line();
            for (var r : advice.readiness()) {
                line("- **" + escape(Readable.pillar(r.pillar())) + ": " + escape(Readable.readiness(r.status())) + "**" + dash(r.reason()));
                why(r.reasons(), "  ");
            }
            line();
        }
        if (!advice.plan().isEmpty()) {
            line("## Pilot-to-production plan");
            line();
            int n = 1;
            for (var p : advice.plan()) {
                line(n++ + ". **" + escape(p.title()) + "**" + dash(p.detail()));
                why(p.reasons(), "   ");
            }
            line();
        }
        if (!advice.openQuestions().isEmpty()) {
            line("## Open questions");
            line();
            for (var q : advice.openQuestions()) {
                line("- **" + escape(q.text() == null ? q.question() : q.text()) + "**" + dash(q.why()));
            }
            line();
        }
        if (!advice.assumptions().isEmpty()) {
            line("## Assumptions");
            line();
            for (var a : advice.assumptions()) {
                line("- " + escape(Readable.assumption(a.label(), a.value(), a.unit()))
                        + (a.confirmed() ? "" : " (not confirmed)") + dash(a.source()));
            }
            line();
        }
        line("## Your answers");
        line();
        for (var a : report.answers()) {
            line("- " + escape(a.text()) + " **" + escape(a.label()) + "**");
        }
        line();
        if (!advice.rules().isEmpty()) {
            line("## How the advice was reached");
            line();
            for (var rule : report.ruleTrail()) {
                line("- **" + escape(rule.name()) + "**" + dash(rule.description()));
                if (rule.rationale() != null) {
                    line("  - Background: " + escape(rule.rationale()));
                }
            }
            line();
        }
        return md.toString();
    }

    private void why(Reasons reasons, String indent) {
        List<AdviceReport.Reason> rules = report.rulesBehind(reasons);
        List<AdviceReport.Reason> answers = report.answersBehind(reasons);
        if (rules.isEmpty() && answers.isEmpty()) {
            return;
        }
        line(indent + "- Why:");
        for (var r : rules) {
            line(indent + "  - Rule: " + escape(r.heading()) + dash(r.text()));
        }
        for (var a : answers) {
            line(indent + "  - Your answer: " + escape(a.heading()) + " **" + escape(a.text()) + "**");
        }
    }

    private static String dash(String text) {
        return text == null || text.isBlank() ? "" : " — " + escape(text);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }

    private void line() {
        md.append('\n');
    }
}
