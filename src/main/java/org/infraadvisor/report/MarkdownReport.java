package org.infraadvisor.report;

import org.infraadvisor.document.Headline;
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

    /** The longest bar of the cost chart, in block characters. */
    private static final int BAR_BLOCKS = 20;
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
        headline(report.headline());
        leftOpen();
        details(advice);
        line("## Your answers");
        line();
        for (var a : report.answers()) {
            line("- " + escape(a.text()) + " **" + escape(a.label()) + "**");
        }
        line();
        if (!advice.assumptions().isEmpty()) {
            line("## Assumptions");
            line();
            for (var a : advice.assumptions()) {
                line("- **" + escape(AdviceReport.assumption(a)) + "**" + dash(a.source()));
            }
            line();
        }
        if (!advice.rules().isEmpty()) {
            line("## Appendix: how the advice was reached");
            line();
            line("Every rule the advice above rests on, once.");
            line();
            int n = 1;
            for (var rule : report.ruleTrail()) {
                line(n++ + ". **" + escape(rule.name()) + "**" + dash(rule.description())
                        + (rule.rationale() == null ? "" : " *Background:* " + escape(rule.rationale())));
            }
            line();
        }
        return md.toString();
    }

    /** Page one: strategy and confidence, the deciding reasons, the accelerator and its cost, the costs, top risks, next step. */
    private void headline(Headline top) {
        line("## Recommendation: " + escape(top.strategy()) + (top.confidence() == null ? "" : " (" + top.confidence() + " confidence)"));
        line();
        if (top.confidence() == null) {
            line("No strategy could be recommended from these answers; the open questions below say what would help.");
            line();
        }
        List<Headline.Reason> reasons = top.reasons();
        if (!reasons.isEmpty()) {
            line("**" + escape(top.whyHeading()) + "**");
            line();
            for (Headline.Reason r : reasons) {
                line("- " + (r.against() == null ? "" : "Weighed against it, for " + escape(r.against()) + ": ") + escape(r.text())
                        + (r.points() == null ? "" : " **" + r.points() + "**")
                        + (r.yourAnswers().isEmpty() ? "" : " (" + escape(r.yourAnswers()) + ")"));
            }
            line();
        }
        top.accelerator().ifPresent(a -> {
            String cost = top.costSentence();
            line("**Recommended accelerator:** " + escape(Headline.accelerator(a)) + (cost == null ? "" : " — " + escape(cost)));
            line();
        });
        if (!top.costs().isEmpty()) {
            line("**Cost " + escape(top.horizon()) + "**");
            line();
            line("| Strategy | Cost | |");
            line("|---|---:|---|");
            for (var c : top.costs()) {
                String name = escape(Readable.strategy(c.strategy()));
                int blocks = top.largestCost() <= 0 ? 0 : (int) Math.max(1, Math.round(BAR_BLOCKS * c.totalUsd() / top.largestCost()));
                line("| " + (top.recommended(c) ? "**" + name + "** (recommended)" : name) + " | " + Readable.money(c.totalUsd())
                        + " | " + "█".repeat(blocks) + " |");
            }
            line();
        }
        if (!top.topRisks().isEmpty()) {
            line("**Top risks**");
            line();
            for (var r : top.topRisks()) {
                line("- " + escape(Readable.severity(r.severity())) + ": " + escape(r.title()));
            }
            line();
        }
        top.nextStep().ifPresent(p -> {
            line("**Next step:** " + escape(p.title()) + dash(p.detail()));
            line();
        });
    }

    /** When the user finished early: the questions left open and what answering each could change. */
    private void leftOpen() {
        if (report.openQuestions().isEmpty()) {
            return;
        }
        line("## " + AdviceReport.LEFT_OPEN);
        line();
        line(escape(AdviceReport.LEFT_OPEN_INTRO));
        line();
        for (var q : report.openQuestions()) {
            line("- **" + escape(q.text()) + "**" + dash(q.couldChange()));
        }
        line();
    }

    /** The rest of the advice, a section each; an item's "why" is on its own line, so no line repeats. */
    private void details(RecommendationDocument advice) {
        if (!advice.votes().isEmpty()) {
            line("## How the strategies scored");
            line();
            for (var score : report.headline().scores()) {
                line("- **" + escape(score.strategy()) + ": " + Readable.count(score.points(), "point", "points") + "**"
                        + dash(score.votes()));
            }
            line();
        }
        if (!advice.accelerators().isEmpty()) {
            line("## Accelerators");
            line();
            for (var a : advice.accelerators()) {
                line("- **" + escape(Headline.accelerator(a)) + "**" + dash(a.reason()) + why(a.reasons()));
            }
            line();
        }
        if (!advice.costs().isEmpty()) {
            line("## Cost " + escape(report.costHorizon()));
            line();
            for (var c : advice.costs()) {
                line("- **" + escape(Readable.strategy(c.strategy())) + ": " + Readable.money(c.totalUsd()) + "**"
                        + (c.strategy().equals(advice.strategy()) ? " (recommended)" : "") + dash(c.breakdown()) + why(c.reasons()));
            }
            line();
        }
        if (!advice.risks().isEmpty()) {
            line("## Risks");
            line();
            for (var r : advice.risks()) {
                line("- **" + escape(Readable.severity(r.severity())) + ": " + escape(r.title()) + "**" + dash(r.detail()) + why(r.reasons()));
            }
            line();
        }
        if (!advice.readiness().isEmpty()) {
            line("## Readiness scorecard");
            line();
            for (var r : advice.readiness()) {
                line("- **" + escape(Readable.pillar(r.pillar())) + ": " + escape(Readable.readiness(r.status())) + "**" + dash(r.reason())
                        + why(r.reasons()));
            }
            line();
        }
        if (!advice.plan().isEmpty()) {
            line("## Pilot-to-production plan");
            line();
            int n = 1;
            for (var p : advice.plan()) {
                line(n++ + ". **" + escape(p.title()) + "**" + dash(p.detail()) + why(p.reasons()));
            }
            line();
        }
        if (!advice.sizing().isEmpty()) {
            line("## Sizing");
            line();
            for (var s : advice.sizing()) {
                line("- **" + escape(s.name()) + ": " + escape(Readable.quantity(s.value(), s.unit())) + "**" + dash(s.formula()) + why(s.reasons()));
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
    }

    /** " *Why: …*" at the end of an item's line (never a line of its own, which would repeat), or nothing. */
    private String why(Reasons reasons) {
        String why = report.why(reasons);
        return why.isEmpty() ? "" : " *Why: " + escape(why) + "*";
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
