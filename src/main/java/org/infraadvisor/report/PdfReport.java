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
import org.infraadvisor.document.Headline;
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
    private final Font body = font(9.5f, Font.NORMAL, INK);
    private final Font bold = font(9.5f, Font.BOLD, INK);
    private final Font small = font(8, Font.NORMAL, MUTED);
    private final Font smallBold = font(8, Font.BOLD, MUTED);
    private final Font fine = font(7.5f, Font.NORMAL, MUTED);
    private final Font fineBold = font(7.5f, Font.BOLD, INK);
    private final Font fineMuted = font(7.5f, Font.ITALIC, MUTED);
    private final Font big = font(22, Font.BOLD, PRIMARY);

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
        Document doc = new Document(PageSize.A4, 44, 44, 44, 52);
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
        headline(doc, report.headline());
        doc.newPage();
        if (!report.openQuestions().isEmpty()) {
            heading(doc, AdviceReport.LEFT_OPEN);
            doc.add(spaced(new Paragraph(AdviceReport.LEFT_OPEN_INTRO, body), 4));
            for (var q : report.openQuestions()) {
                item(doc, q.text(), q.couldChange(), null);
            }
        }
        details(doc, advice);

        heading(doc, "Your answers");
        PdfPTable answers = new PdfPTable(new float[]{3, 2});
        answers.setWidthPercentage(100);
        for (var a : report.answers()) {
            answers.addCell(compact(cell(new Phrase(a.text(), small))));
            answers.addCell(compact(cell(new Phrase(a.label(), smallBold))));
        }
        doc.add(answers);
        if (!advice.assumptions().isEmpty()) {
            heading(doc, "Assumptions");
            Columns columns = new Columns();
            for (var a : advice.assumptions()) {
                Paragraph p = new Paragraph(fine.getSize() * 1.25f);
                p.add(new Chunk(AdviceReport.assumption(a), fineBold));
                if (a.source() != null) {
                    p.add(new Chunk(" — " + a.source(), fine));
                }
                p.setSpacingAfter(2);
                columns.addElement(p);
            }
            doc.add(columns.complete());
        }
        if (!advice.rules().isEmpty()) {
            heading(doc, "Appendix: how the advice was reached");
            doc.add(new Paragraph("Every rule the advice above rests on, once.", small));
            Columns columns = new Columns();
            int n = 1;
            for (var rule : report.ruleTrail()) {
                Paragraph p = new Paragraph(fine.getSize() * 1.25f);
                p.add(new Chunk(n++ + ". " + rule.name(), fineBold));
                if (rule.description() != null) {
                    p.add(new Chunk(" — " + rule.description(), fine));
                }
                if (rule.rationale() != null) {
                    p.add(new Chunk(" Background: " + rule.rationale(), fineMuted));
                }
                p.setSpacingAfter(3);
                columns.addElement(p);
            }
            doc.add(columns.complete());
        }
    }

    /**
     * Two columns across the page, for the long lists of small print (assumptions, the rules), read row by row. A
     * table rather than OpenPDF's MultiColumnText, which leaves the rest of its last page empty.
     */
    private static final class Columns extends PdfPTable {
        Columns() {
            super(2);
            setWidthPercentage(100);
            setSplitLate(false);
            getDefaultCell().setBorder(Rectangle.NO_BORDER);
        }

        void addElement(Paragraph p) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            cell.setPaddingRight(7);
            cell.setPaddingLeft(7);
            cell.addElement(p);
            addCell(cell);
        }

        /** Fills the last row, so that an odd item is printed. */
        Columns complete() {
            completeRow();
            return this;
        }
    }

    /** Page one: strategy and confidence, the deciding reasons, the accelerator and its cost, the costs, top risks, next step. */
    private void headline(Document doc, Headline top) throws DocumentException {
        doc.add(new Paragraph("Recommendation", smallBold));
        doc.add(new Paragraph(top.strategy(), big));
        if (top.confidence() != null) {
            doc.add(new Paragraph("Confidence " + top.confidence(), bold));
        } else {
            doc.add(new Paragraph("No strategy could be recommended from these answers; the open questions say what would help.", body));
        }
        List<Headline.Reason> reasons = top.reasons();
        if (!reasons.isEmpty()) {
            heading(doc, top.whyHeading());
            for (Headline.Reason r : reasons) {
                Paragraph p = new Paragraph();
                if (r.points() != null) {
                    p.add(new Chunk(r.points() + "  ", bold));
                }
                if (r.against() != null) {
                    p.add(new Chunk("For " + r.against() + ": ", body));
                }
                p.add(new Chunk(r.text(), r.against() == null ? bold : body));
                if (!r.yourAnswers().isEmpty()) {
                    p.add(new Chunk(" (" + r.yourAnswers() + ")", body));
                }
                doc.add(indented(spaced(p, 3)));
            }
        }
        var accelerator = top.accelerator();
        if (accelerator.isPresent()) {
            heading(doc, "Recommended accelerator");
            Paragraph p = new Paragraph();
            p.add(new Chunk(Headline.accelerator(accelerator.get()), bold));
            if (top.costSentence() != null) {
                p.add(new Chunk(" — " + top.costSentence(), body));
            }
            doc.add(p);
        }
        if (!top.costs().isEmpty()) {
            heading(doc, "Cost " + top.horizon());
            doc.add(costChart(top));
        }
        if (!top.topRisks().isEmpty()) {
            heading(doc, "Top risks");
            for (var r : top.topRisks()) {
                Paragraph p = new Paragraph();
                p.add(new Chunk(Readable.severity(r.severity()) + ": ", bold));
                p.add(new Chunk(r.title(), body));
                doc.add(spaced(p, 2));
            }
        }
        var next = top.nextStep();
        if (next.isPresent()) {
            heading(doc, "Next step");
            item(doc, next.get().title(), next.get().detail(), null);
        }
    }

    /** The rest of the advice, a section each, every item with a line that says why. */
    private void details(Document doc, RecommendationDocument advice) throws DocumentException {
        Headline top = report.headline();
        if (!advice.votes().isEmpty()) {
            heading(doc, "How the strategies scored");
            for (var score : top.scores()) {
                item(doc, score.strategy() + ": " + Readable.count(score.points(), "point", "points"), score.votes(), null);
            }
        }
        if (!advice.accelerators().isEmpty()) {
            heading(doc, "Accelerators");
            for (var a : advice.accelerators()) {
                item(doc, Headline.accelerator(a), a.reason(), a.reasons());
            }
        }
        if (!advice.costs().isEmpty()) {
            heading(doc, "Cost " + report.costHorizon());
            for (var c : advice.costs()) {
                item(doc, Readable.strategy(c.strategy()) + ": " + Readable.money(c.totalUsd()) + (top.recommended(c) ? " (recommended)" : ""),
                        c.breakdown(), c.reasons());
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
        if (!advice.sizing().isEmpty()) {
            heading(doc, "Sizing");
            for (var s : advice.sizing()) {
                item(doc, s.name() + ": " + Readable.quantity(s.value(), s.unit()), s.formula(), s.reasons());
            }
        }
        if (!advice.openQuestions().isEmpty()) {
            heading(doc, "Open questions");
            for (var q : advice.openQuestions()) {
                item(doc, q.text() == null ? q.question() : q.text(), q.why(), null);
            }
        }
    }

    private void item(Document doc, String headline, String detail, Reasons reasons) throws DocumentException {
        Paragraph p = new Paragraph();
        p.add(new Chunk(headline, bold));
        if (detail != null && !detail.isBlank()) {
            p.add(new Chunk(" — " + detail, body));
        }
        String why = report.why(reasons);
        if (!why.isEmpty()) {
            p.add(new Chunk("  Why: " + why, small));
        }
        doc.add(spaced(p, 4));
    }

    /** One row per strategy: name, a bar as long as its share of the largest cost, and the amount. */
    private PdfPTable costChart(Headline top) {
        double max = top.largestCost();
        PdfPTable chart = new PdfPTable(new float[]{2, 6, 1.6f});
        chart.setWidthPercentage(100);
        chart.setSpacingBefore(6);
        chart.setSpacingAfter(6);
        for (CostAdvice c : top.costs()) {
            boolean recommended = top.recommended(c);
            chart.addCell(cell(new Phrase(Readable.strategy(c.strategy()) + (recommended ? " (recommended)" : ""), recommended ? bold : body)));
            float share = max <= 0 ? 0.01f : (float) Math.max(0.01, c.totalUsd() / max);
            PdfPTable bar = new PdfPTable(share >= 0.999f ? new float[]{1} : new float[]{share, 1 - share});
            bar.setWidthPercentage(100);
            PdfPCell filled = new PdfPCell(new Phrase(" ", small));
            filled.setBorder(Rectangle.NO_BORDER);
            filled.setBackgroundColor(recommended ? PRIMARY : BAR);
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
            PdfPCell amount = cell(new Phrase(Readable.money(c.totalUsd()), bold));
            amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
            chart.addCell(amount);
        }
        return chart;
    }

    private void heading(Document doc, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, h2);
        p.setSpacingBefore(11);
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

    /** A table row of small print, a line high. */
    private static PdfPCell compact(PdfPCell cell) {
        cell.setPaddingTop(1.5f);
        cell.setPaddingBottom(2.5f);
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
