package org.infraadvisor.report;

import org.infraadvisor.document.Headline;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.document.RecommendationDocument.AcceleratorAdvice;
import org.infraadvisor.document.RecommendationDocument.CostAdvice;
import org.infraadvisor.document.RecommendationDocument.FollowUpAdvice;
import org.infraadvisor.document.RecommendationDocument.Reasons;
import org.infraadvisor.document.RecommendationDocument.RiskAdvice;
import org.infraadvisor.document.RecommendationDocument.SizingAdvice;
import org.infraadvisor.format.Readable;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The advice as a printable HTML page. All text is escaped; styles and the print button come from files
 * ({@code /report.css}, {@code /report.js}) because the service's Content-Security-Policy allows no inline code.
 */
final class HtmlReport {

    private final AdviceReport report;
    private final StringBuilder html = new StringBuilder();

    private HtmlReport(AdviceReport report) {
        this.report = report;
    }

    static String render(AdviceReport report) {
        return new HtmlReport(report).document();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String document() {
        RecommendationDocument advice = report.advice();
        // The page lives at /api/conversations/{id}/report.html: assets are three levels up, also behind a path prefix.
        String root = "../../../";
        raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        raw("<title>").text(report.title() + ": advice").raw("</title>\n");
        raw("<link rel=\"icon\" href=\"" + root + "favicon.svg\" type=\"image/svg+xml\">\n");
        raw("<link rel=\"stylesheet\" href=\"" + root + "report.css\">\n");
        raw("<script src=\"" + root + "report.js\" defer></script>\n</head>\n<body>\n<main class=\"report\">\n");

        raw("<header class=\"report-header\">\n<p class=\"eyebrow\">Infra Advisor report</p>\n<h1>").text(report.title()).raw("</h1>\n");
        raw("<p class=\"meta\">").text(MarkdownReport.DATE.format(report.updatedAt())).raw(" · rules version <code>")
                .text(advice.rulesVersion()).raw("</code></p>\n");
        raw("<nav class=\"actions\" aria-label=\"Report actions\">")
                .raw("<button type=\"button\" id=\"print-report\" class=\"button\">Print or save as PDF</button>")
                .raw("<a class=\"button secondary\" href=\"report.pdf\">Download PDF</a>")
                .raw("<a class=\"button secondary\" href=\"report.md\">Download Markdown</a></nav>\n</header>\n");

        headline(report.headline());
        if (!report.openQuestions().isEmpty()) {
            section(AdviceReport.LEFT_OPEN);
            raw("<p>").text(AdviceReport.LEFT_OPEN_INTRO).raw("</p>\n");
            items(report.openQuestions(), AdviceReport.OpenQuestion::text, AdviceReport.OpenQuestion::couldChange, q -> null);
        }
        details(advice);

        section("Your answers");
        raw("<dl class=\"answers\">\n");
        for (var a : report.answers()) {
            raw("<dt>").text(a.text()).raw("</dt><dd>").text(a.label()).raw("</dd>\n");
        }
        raw("</dl>\n</section>\n");
        if (!advice.assumptions().isEmpty()) {
            section("Assumptions");
            raw("<ul class=\"assumptions\">\n");
            for (var a : advice.assumptions()) {
                raw("<li><strong>").text(AdviceReport.assumption(a)).raw("</strong>");
                detail(a.source());
                raw("</li>\n");
            }
            raw("</ul>\n</section>\n");
        }
        if (!advice.rules().isEmpty()) {
            raw("<section class=\"appendix\">\n<h2>Appendix: how the advice was reached</h2>\n")
                    .raw("<p class=\"rationale\">Every rule the advice above rests on, once.</p>\n<ol class=\"items explanation\">\n");
            for (var rule : report.ruleTrail()) {
                raw("<li><p><strong>").text(rule.name()).raw("</strong>");
                detail(rule.description());
                raw("</p>");
                if (rule.rationale() != null) {
                    raw("<p class=\"rationale\">").text(rule.rationale()).raw("</p>");
                }
                raw("</li>\n");
            }
            raw("</ol>\n</section>\n");
        }
        raw("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** Page one: strategy and confidence, the deciding reasons, the accelerator and its cost, the costs, top risks, next step. */
    private void headline(Headline top) {
        raw("<section class=\"summary\" aria-labelledby=\"strategy-heading\">\n<p class=\"eyebrow\">Recommendation</p>\n");
        raw("<h2 id=\"strategy-heading\" class=\"strategy-name\">").text(top.strategy()).raw("</h2>\n");
        if (top.confidence() != null) {
            long pct = Math.round(report.advice().confidence() * 100);
            raw("<p class=\"confidence\">Confidence <strong>").text(top.confidence())
                    .raw("</strong> <svg class=\"meter\" viewBox=\"0 0 100 8\" aria-hidden=\"true\">"
                            + "<rect class=\"meter-track\" width=\"100\" height=\"8\" rx=\"4\"></rect>"
                            + "<rect class=\"meter-fill\" width=\"" + Math.max(0, Math.min(100, pct)) + "\" height=\"8\" rx=\"4\"></rect></svg></p>\n");
        } else {
            raw("<p>No strategy could be recommended from these answers; the open questions below say what would help.</p>\n");
        }
        List<Headline.Reason> reasons = top.reasons();
        if (!reasons.isEmpty()) {
            raw("<h3>").text(top.whyHeading()).raw("</h3>\n<ul class=\"deciding\">\n");
            for (Headline.Reason r : reasons) {
                raw(r.against() == null ? "<li>" : "<li class=\"against\">");
                if (r.points() != null) {
                    raw("<span class=\"points\">").text(r.points()).raw("</span> ");
                }
                if (r.against() != null) {
                    raw("<span class=\"for-other\">For ").text(r.against()).raw(":</span> ");
                }
                text(r.text());
                if (!r.yourAnswers().isEmpty()) {
                    raw(" <span class=\"your-answers\">(").text(r.yourAnswers()).raw(")</span>");
                }
                raw("</li>\n");
            }
            raw("</ul>\n");
        }
        top.accelerator().ifPresent(a -> {
            raw("<p class=\"lead\"><strong>Recommended accelerator:</strong> ").text(Headline.accelerator(a));
            detail(top.costSentence());
            raw("</p>\n");
        });
        if (!top.costs().isEmpty()) {
            raw("<h3>").text("Cost " + top.horizon()).raw("</h3>\n");
            costChart(top);
        }
        if (!top.topRisks().isEmpty()) {
            raw("<h3>Top risks</h3>\n<ul class=\"top-risks\">\n");
            for (var r : top.topRisks()) {
                raw("<li><span class=\"badge severity-" + cssToken(r.severity()) + "\">").text(Readable.severity(r.severity()))
                        .raw("</span> ").text(r.title()).raw("</li>\n");
            }
            raw("</ul>\n");
        }
        top.nextStep().ifPresent(p -> {
            raw("<p class=\"lead\"><strong>Next step:</strong> ").text(p.title());
            detail(p.detail());
            raw("</p>\n");
        });
        raw("</section>\n");
    }

    /** The rest of the advice, a section each, every item with a line that says why. */
    private void details(RecommendationDocument advice) {
        Headline top = report.headline();
        if (!advice.votes().isEmpty()) {
            section("How the strategies scored");
            raw("<ul class=\"items\">\n");
            for (var score : top.scores()) {
                raw("<li><p><strong>").text(score.strategy() + ": " + Readable.count(score.points(), "point", "points")).raw("</strong>");
                detail(score.votes());
                raw("</p></li>\n");
            }
            raw("</ul>\n</section>\n");
        }
        if (!advice.accelerators().isEmpty()) {
            section("Accelerators");
            items(advice.accelerators(), a -> Headline.accelerator(a), AcceleratorAdvice::reason, AcceleratorAdvice::reasons);
        }
        if (!advice.costs().isEmpty()) {
            section("Cost " + report.costHorizon());
            items(advice.costs(), c -> Readable.strategy(c.strategy()) + ": " + Readable.money(c.totalUsd())
                    + (top.recommended(c) ? " (recommended)" : ""), CostAdvice::breakdown, CostAdvice::reasons);
        }
        if (!advice.risks().isEmpty()) {
            section("Risks");
            items(advice.risks(), r -> Readable.severity(r.severity()) + ": " + r.title(), RiskAdvice::detail, RiskAdvice::reasons);
        }
        if (!advice.readiness().isEmpty()) {
            section("Readiness scorecard");
            raw("<table class=\"scorecard\">\n<thead><tr><th scope=\"col\">Pillar</th><th scope=\"col\">Status</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
            for (var r : advice.readiness()) {
                raw("<tr><th scope=\"row\">").text(Readable.pillar(r.pillar())).raw("</th><td><span class=\"badge status-")
                        .raw(cssToken(r.status())).raw("\">").text(Readable.readiness(r.status())).raw("</span></td><td>")
                        .text(r.reason());
                why(r.reasons());
                raw("</td></tr>\n");
            }
            raw("</tbody>\n</table>\n</section>\n");
        }
        if (!advice.plan().isEmpty()) {
            section("Pilot-to-production plan");
            raw("<ol class=\"items plan\">\n");
            for (var p : advice.plan()) {
                item(p.title(), p.detail(), p.reasons());
            }
            raw("</ol>\n</section>\n");
        }
        if (!advice.sizing().isEmpty()) {
            section("Sizing");
            items(advice.sizing(), s -> s.name() + ": " + Readable.quantity(s.value(), s.unit()), SizingAdvice::formula, SizingAdvice::reasons);
        }
        if (!advice.openQuestions().isEmpty()) {
            section("Open questions");
            items(advice.openQuestions(), q -> q.text() == null ? q.question() : q.text(), FollowUpAdvice::why, q -> null);
        }
    }

    private <T> void items(List<T> list, Function<T, String> headline, Function<T, String> detail, Function<T, Reasons> reasons) {
        raw("<ul class=\"items\">\n");
        for (T item : list) {
            item(headline.apply(item), detail.apply(item), reasons.apply(item));
        }
        raw("</ul>\n</section>\n");
    }

    private void item(String headline, String detail, Reasons reasons) {
        raw("<li><p><strong>").text(headline).raw("</strong>");
        detail(detail);
        raw("</p>");
        why(reasons);
        raw("</li>\n");
    }

    /** Horizontal bars drawn as plain SVG; the recommended strategy's bar is highlighted. */
    private void costChart(Headline top) {
        List<CostAdvice> costs = top.costs();
        double max = top.largestCost();
        int rowHeight = 34;
        int labelWidth = 120;
        int barSpace = 300;
        int height = costs.size() * rowHeight + 8;
        StringBuilder desc = new StringBuilder();
        costs.forEach(c -> desc.append(Readable.strategy(c.strategy())).append(' ').append(Readable.money(c.totalUsd())).append(". "));
        raw("<svg class=\"cost-chart\" viewBox=\"0 0 520 " + height + "\" role=\"img\" aria-labelledby=\"cost-title cost-desc\">");
        raw("<title id=\"cost-title\">").text("Cost by strategy " + top.horizon()).raw("</title><desc id=\"cost-desc\">")
                .text(desc.toString().trim()).raw("</desc>");
        int y = 4;
        for (CostAdvice c : costs) {
            double width = max <= 0 ? 0 : Math.max(2, barSpace * c.totalUsd() / max);
            boolean best = top.recommended(c);
            raw("<text class=\"label\" x=\"0\" y=\"" + (y + 21) + "\">").text(Readable.strategy(c.strategy())).raw("</text>");
            raw("<rect class=\"bar" + (best ? " recommended" : "") + "\" x=\"" + labelWidth + "\" y=\"" + (y + 4)
                    + "\" width=\"" + String.format(Locale.ROOT, "%.1f", width) + "\" height=\"24\" rx=\"3\"></rect>");
            raw("<text class=\"value\" x=\"" + String.format(Locale.ROOT, "%.1f", labelWidth + width + 8) + "\" y=\"" + (y + 21) + "\">")
                    .text(Readable.moneyShort(c.totalUsd())).raw("</text>");
            y += rowHeight;
        }
        raw("</svg>\n");
    }

    private void why(Reasons reasons) {
        String why = report.why(reasons);
        if (!why.isEmpty()) {
            raw("<p class=\"why\">Why: ").text(why).raw("</p>");
        }
    }

    private void section(String heading) {
        raw("<section>\n<h2>").text(heading).raw("</h2>\n");
    }

    private void detail(String text) {
        if (text != null && !text.isBlank()) {
            raw(" — ").text(text);
        }
    }

    private static String cssToken(String value) {
        return value == null ? "none" : value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    }

    private HtmlReport raw(String markup) {
        html.append(markup);
        return this;
    }

    private HtmlReport text(String text) {
        html.append(escape(text));
        return this;
    }
}
