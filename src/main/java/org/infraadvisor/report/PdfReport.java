package org.infraadvisor.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.document.RecommendationDocument.CostAdvice;
import org.infraadvisor.document.RecommendationDocument.Reasons;
import org.infraadvisor.format.Readable;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The advice as a PDF (OpenPDF), with the same sections as the card and the HTML report. Uses the Liberation
 * Sans font that OpenPDF ships, embedded, so that any character of the user's answers prints.
 */
final class PdfReport {

    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color MUTED = new Color(0x4b, 0x55, 0x63);
    private static final Color PRIMARY = new Color(0x1d, 0x4e, 0xd8);
    private static final Color BAR = new Color(0x9c, 0xa3, 0xaf);
    private static final Color RULE_LINE = new Color(0xd1, 0xd5, 0xdb);
    private static final BaseFont BASE = loadFont();

    private final AdviceReport report;
    private final Font title = font(20, Font.BOLD, INK);
    private final Font h2 = font(13, Font.BOLD, PRIMARY);
    private final Font body = font(10, Font.NORMAL, INK);
    private final Font bold = font(10, Font.BOLD, INK);
    private final Font small = font(8.5f, Font.NORMAL, MUTED);
    private final Font smallBold = font(8.5f, Font.BOLD, MUTED);
    private final Font big = font(16, Font.BOLD, PRIMARY);

    private PdfReport(AdviceReport report) {
        this.report = report;
    }

    static byte[] render(AdviceReport report) {
        return new PdfReport(report).document();
    }

    private static BaseFont loadFont() {
        try {
            return BaseFont.createFont("font-fallback/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font font(float size, int style, Color color) {
        return new Font(BASE, size, style, color);
    }

    private byte[] document() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 48, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Footer());
            doc.addTitle(report.title() + ": advice");
            doc.addCreator("Infra Advisor");
            doc.open();
            content(doc);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the PDF report: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void content(Document doc) throws DocumentException {
        RecommendationDocument advice = report.advice();
        doc.add(new Paragraph("Infra Advisor report", small));
        doc.add(new Paragraph(report.title(), title));
        doc.add(spaced(new Paragraph(MarkdownReport.DATE.format(report.updatedAt()) + " · rules version " + advice.rulesVersion(),
                small), 12));

        heading(doc, "Recommended strategy");
        doc.add(new Paragraph(Readable.strategy(advice.strategy()), big));
        if (advice.strategy() != null) {
            doc.add(new Paragraph("Confidence " + Readable.percent(advice.confidence()), bold));
        }
        if (advice.summary() != null) {
            doc.add(new Paragraph(advice.summary(), body));
        }
        why(doc, advice.strategyReasons());

        if (!advice.accelerators().isEmpty()) {
            heading(doc, "Accelerators");
            for (var a : advice.accelerators()) {
                item(doc, a.count() + " × " + a.vendor() + " " + a.model(), a.reason(), a.reasons());
            }
        }
        if (!advice.costs().isEmpty()) {
            heading(doc, "Indicative cost " + report.costHorizon());
            doc.add(costChart(advice.costs(), advice.strategy()));
            for (var c : advice.costs()) {
                item(doc, Readable.strategy(c.strategy()) + ": " + Readable.money(c.totalUsd())
                        + (c.strategy().equals(advice.strategy()) ? " (recommended)" : ""), c.breakdown(), c.reasons());
            }
        }
        if (!advice.sizing().isEmpty()) {
            heading(doc, "Sizing");
            for (var s : advice.sizing()) {
                item(doc, s.name() + ": " + Readable.number(s.value()) + " " + s.unit(), s.formula(), s.reasons());
            }
        }
        if (!advice.risks().isEmpty()) {
            heading(doc, "Risks");
            for (var r : advice.risks()) {
                item(doc, Readable.severity(r.severity()) + ": " + r.title(), r.detail(), r.reasons());
            }
        }
        if (!advice.readiness().isEmpty()) {
            heading(doc, "Readiness scorecard");
            for (var r : advice.readiness()) {
                item(doc, Readable.pillar(r.pillar()) + ": " + Readable.readiness(r.status()), r.reason(), r.reasons());
            }
        }
        if (!advice.plan().isEmpty()) {
            heading(doc, "Pilot-to-production plan");
            int n = 1;
            for (var p : advice.plan()) {
                item(doc, n++ + ". " + p.title(), p.detail(), p.reasons());
            }
        }
        if (!advice.openQuestions().isEmpty()) {
            heading(doc, "Open questions");
            for (var q : advice.openQuestions()) {
                item(doc, q.text() == null ? q.question() : q.text(), q.why(), null);
            }
        }
        if (!advice.assumptions().isEmpty()) {
            heading(doc, "Assumptions");
            for (var a : advice.assumptions()) {
                doc.add(new Paragraph(Readable.assumption(a.label(), a.value(), a.unit())
                        + (a.confirmed() ? "" : " (not confirmed)") + (a.source() == null ? "" : " — " + a.source()), small));
            }
        }

        heading(doc, "Your answers");
        PdfPTable answers = new PdfPTable(new float[]{3, 2});
        answers.setWidthPercentage(100);
        for (var a : report.answers()) {
            answers.addCell(cell(new Phrase(a.text(), body)));
            answers.addCell(cell(new Phrase(a.label(), bold)));
        }
        doc.add(answers);

        if (!advice.rules().isEmpty()) {
            heading(doc, "How the advice was reached");
            for (var rule : report.ruleTrail()) {
                Paragraph p = new Paragraph();
                p.add(new Chunk(rule.name(), bold));
                if (rule.description() != null) {
                    p.add(new Chunk(" — " + rule.description(), body));
                }
                doc.add(spaced(p, 4));
                if (rule.rationale() != null) {
                    doc.add(indented(new Paragraph("Background: " + rule.rationale(), small)));
                }
            }
        }
    }

    private void item(Document doc, String headline, String detail, Reasons reasons) throws DocumentException {
        Paragraph p = new Paragraph();
        p.add(new Chunk(headline, bold));
        if (detail != null && !detail.isBlank()) {
            p.add(new Chunk(" — " + detail, body));
        }
        doc.add(spaced(p, 5));
        why(doc, reasons);
    }

    private void why(Document doc, Reasons reasons) throws DocumentException {
        var rules = report.rulesBehind(reasons);
        var answers = report.answersBehind(reasons);
        if (rules.isEmpty() && answers.isEmpty()) {
            return;
        }
        doc.add(indented(new Paragraph("Why?", smallBold)));
        for (var r : rules) {
            doc.add(indented(new Paragraph("Rule: " + r.heading() + (r.text().isBlank() ? "" : " — " + r.text()), small)));
        }
        for (var a : answers) {
            doc.add(indented(new Paragraph("Your answer: " + a.heading() + " " + a.text(), small)));
        }
    }

    /** One row per strategy: name, a bar as long as its share of the largest cost, and the amount. */
    private PdfPTable costChart(List<CostAdvice> costs, String recommended) {
        double max = costs.stream().mapToDouble(CostAdvice::totalUsd).max().orElse(0);
        PdfPTable chart = new PdfPTable(new float[]{2, 6, 1.6f});
        chart.setWidthPercentage(100);
        chart.setSpacingBefore(6);
        chart.setSpacingAfter(6);
        for (CostAdvice c : costs) {
            chart.addCell(cell(new Phrase(Readable.strategy(c.strategy()), body)));
            float share = max <= 0 ? 0.01f : (float) Math.max(0.01, c.totalUsd() / max);
            PdfPTable bar = new PdfPTable(share >= 0.999f ? new float[]{1} : new float[]{share, 1 - share});
            bar.setWidthPercentage(100);
            PdfPCell filled = new PdfPCell(new Phrase(" ", small));
            filled.setBorder(Rectangle.NO_BORDER);
            filled.setBackgroundColor(c.strategy().equals(recommended) ? PRIMARY : BAR);
            filled.setFixedHeight(14);
            bar.addCell(filled);
            if (share < 0.999f) {
                PdfPCell rest = new PdfPCell(new Phrase(" ", small));
                rest.setBorder(Rectangle.NO_BORDER);
                bar.addCell(rest);
            }
            PdfPCell barCell = new PdfPCell(bar);
            barCell.setBorder(Rectangle.NO_BORDER);
            barCell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            chart.addCell(barCell);
            PdfPCell amount = cell(new Phrase(Readable.moneyShort(c.totalUsd()), bold));
            amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
            chart.addCell(amount);
        }
        return chart;
    }

    private void heading(Document doc, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, h2);
        p.setSpacingBefore(14);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE_LINE);
        cell.setPadding(4);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    private static Paragraph spaced(Paragraph p, float before) {
        p.setSpacingBefore(before);
        return p;
    }

    private static Paragraph indented(Paragraph p) {
        p.setIndentationLeft(14);
        return p;
    }

    /** Page numbers at the foot of every page (no conversation id: a report may be shared, the id must not travel with it). */
    private final class Footer extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase footer = new Phrase("Infra Advisor · " + report.title() + " · page " + writer.getPageNumber(), small);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, footer,
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
        }
    }
}
