package org.infraadvisor.report;

import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.document.RecommendationDocument.CostAdvice;
import org.infraadvisor.document.RecommendationDocument.Reasons;
import org.infraadvisor.format.Readable;

import java.util.List;
import java.util.Locale;

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

        raw("<section class=\"strategy\" aria-labelledby=\"strategy-heading\">\n<h2 id=\"strategy-heading\">Recommended strategy</h2>\n");
        raw("<p class=\"strategy-name\">").text(Readable.strategy(advice.strategy())).raw("</p>\n");
        if (advice.strategy() != null) {
            long pct = Math.round(advice.confidence() * 100);
            raw("<p class=\"confidence\">Confidence <strong>").text(Readable.percent(advice.confidence()))
                    .raw("</strong> <svg class=\"meter\" viewBox=\"0 0 100 8\" aria-hidden=\"true\">"
                            + "<rect class=\"meter-track\" width=\"100\" height=\"8\" rx=\"4\"></rect>"
                            + "<rect class=\"meter-fill\" width=\"" + Math.max(0, Math.min(100, pct)) + "\" height=\"8\" rx=\"4\"></rect></svg></p>\n");
        }
        if (advice.summary() != null) {
            raw("<p>").text(advice.summary()).raw("</p>\n");
        }
        why(advice.strategyReasons());
        raw("</section>\n");

        if (!advice.accelerators().isEmpty()) {
            section("Accelerators");
            raw("<ul class=\"items\">\n");
            for (var a : advice.accelerators()) {
                raw("<li><p><strong>").text(a.count() + " × " + a.vendor() + " " + a.model()).raw("</strong>");
                detail(a.reason());
                raw("</p>");
                why(a.reasons());
                raw("</li>\n");
            }
            raw("</ul>\n</section>\n");
        }
        if (!advice.costs().isEmpty()) {
            section("Indicative cost " + report.costHorizon());
            costChart(advice.costs(), advice.strategy());
            raw("<ul class=\"items\">\n");
            for (var c : advice.costs()) {
                raw("<li><p><strong>").text(Readable.strategy(c.strategy()) + ": " + Readable.money(c.totalUsd())).raw("</strong>");
                if (c.strategy().equals(advice.strategy())) {
                    raw(" <span class=\"badge\">recommended</span>");
                }
                detail(c.breakdown());
                raw("</p>");
                why(c.reasons());
                raw("</li>\n");
            }
            raw("</ul>\n</section>\n");
        }
        if (!advice.sizing().isEmpty()) {
            section("Sizing");
            raw("<ul class=\"items\">\n");
            for (var s : advice.sizing()) {
                raw("<li><p><strong>").text(s.name() + ": " + Readable.number(s.value()) + " " + s.unit()).raw("</strong>");
                detail(s.formula());
                raw("</p>");
                why(s.reasons());
                raw("</li>\n");
            }
            raw("</ul>\n</section>\n");
        }
        if (!advice.risks().isEmpty()) {
            section("Risks");
            raw("<ul class=\"items\">\n");
            for (var r : advice.risks()) {
                raw("<li><p><span class=\"badge severity-" + cssToken(r.severity()) + "\">").text(Readable.severity(r.severity()))
                        .raw("</span> <strong>").text(r.title()).raw("</strong>");
                detail(r.detail());
                raw("</p>");
                why(r.reasons());
                raw("</li>\n");
            }
            raw("</ul>\n</section>\n");
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
                raw("<li><p><strong>").text(p.title()).raw("</strong>");
                detail(p.detail());
                raw("</p>");
                why(p.reasons());
                raw("</li>\n");
            }
            raw("</ol>\n</section>\n");
        }
        if (!advice.openQuestions().isEmpty()) {
            section("Open questions");
            raw("<ul class=\"items\">\n");
            for (var q : advice.openQuestions()) {
                raw("<li><p><strong>").text(q.text() == null ? q.question() : q.text()).raw("</strong>");
                detail(q.why());
                raw("</p></li>\n");
            }
            raw("</ul>\n</section>\n");
        }
        if (!advice.assumptions().isEmpty()) {
            section("Assumptions");
            raw("<ul class=\"assumptions\">\n");
            for (var a : advice.assumptions()) {
                raw("<li>").text(Readable.assumption(a.label(), a.value(), a.unit()));
                if (!a.confirmed()) {
                    raw(" <span class=\"badge\">not confirmed</span>");
                }
                detail(a.source());
                raw("</li>\n");
            }
            raw("</ul>\n</section>\n");
        }

        section("Your answers");
        raw("<dl class=\"answers\">\n");
        for (var a : report.answers()) {
            raw("<dt>").text(a.text()).raw("</dt><dd>").text(a.label()).raw("</dd>\n");
        }
        raw("</dl>\n</section>\n");

        if (!advice.rules().isEmpty()) {
            section("How the advice was reached");
            raw("<ol class=\"items explanation\">\n");
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

    /** Horizontal bars drawn as plain SVG; the recommended strategy's bar is highlighted. */
    private void costChart(List<CostAdvice> costs, String recommended) {
        double max = costs.stream().mapToDouble(CostAdvice::totalUsd).max().orElse(0);
        int rowHeight = 34;
        int labelWidth = 120;
        int barSpace = 300;
        int height = costs.size() * rowHeight + 8;
        StringBuilder desc = new StringBuilder();
        costs.forEach(c -> desc.append(Readable.strategy(c.strategy())).append(' ').append(Readable.money(c.totalUsd())).append(". "));
        raw("<svg class=\"cost-chart\" viewBox=\"0 0 520 " + height + "\" role=\"img\" aria-labelledby=\"cost-title cost-desc\">");
        raw("<title id=\"cost-title\">Indicative cost by strategy</title><desc id=\"cost-desc\">").text(desc.toString().trim()).raw("</desc>");
        int y = 4;
        for (CostAdvice c : costs) {
            double width = max <= 0 ? 0 : Math.max(2, barSpace * c.totalUsd() / max);
            boolean best = c.strategy().equals(recommended);
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
        var rules = report.rulesBehind(reasons);
        var answers = report.answersBehind(reasons);
        if (rules.isEmpty() && answers.isEmpty()) {
            return;
        }
        raw("<div class=\"why\"><p class=\"why-title\">Why?</p><ul>");
        for (var r : rules) {
            raw("<li>Rule: <strong>").text(r.heading()).raw("</strong>");
            detail(r.text());
            raw("</li>");
        }
        for (var a : answers) {
            raw("<li>Your answer: ").text(a.heading()).raw(" <strong>").text(a.text()).raw("</strong></li>");
        }
        raw("</ul></div>");
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
