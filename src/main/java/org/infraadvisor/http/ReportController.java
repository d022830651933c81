package org.infraadvisor.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.report.AdviceReport;
import org.infraadvisor.report.AdviceReports;
import org.infraadvisor.openapi.PublicOperations;

/**
 * The advice of a finished conversation as a document, for its owner (by conversation id): Markdown, a printable HTML
 * page, or PDF. All three carry the same content as the widget's card, including the reasons behind every conclusion.
 * Links that others may see (Slack, the widget's report links) go to {@link SharedAdviceController} instead.
 */
@Controller("/api/conversations/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
@PublicOperations
public class ReportController {

    static final String MARKDOWN = "text/markdown;charset=utf-8";
    static final String HTML = "text/html;charset=utf-8";
    static final String PDF = "application/pdf";

    private final AdviceReports reports;

    ReportController(AdviceReports reports) {
        this.reports = reports;
    }

    @Get("/report.md")
    @Produces(MARKDOWN)
    @Operation(summary = "The advice as Markdown", description = "409 while the conversation has no recommendation yet.")
    public HttpResponse<String> markdown(String id) {
        return markdown(reports.of(id));
    }

    @Get("/report.html")
    @Produces(HTML)
    @Operation(summary = "The advice as a printable HTML page", description = "409 while the conversation has no recommendation yet.")
    public HttpResponse<String> html(String id) {
        return html(reports.of(id));
    }

    @Get("/report.pdf")
    @Produces(PDF)
    @Operation(summary = "The advice as PDF", description = "409 while the conversation has no recommendation yet.")
    public HttpResponse<byte[]> pdf(String id) {
        return pdf(reports.of(id));
    }

    static MutableHttpResponse<String> markdown(AdviceReport report) {
        return HttpResponse.ok(report.markdown()).contentType(MARKDOWN)
                .header("Content-Disposition", "attachment; filename=\"" + report.fileName("md") + "\"");
    }

    static MutableHttpResponse<String> html(AdviceReport report) {
        return HttpResponse.ok(report.html()).contentType(HTML);
    }

    static MutableHttpResponse<byte[]> pdf(AdviceReport report) {
        return HttpResponse.ok(report.pdf()).contentType(MediaType.of(PDF))
                .header("Content-Disposition", "inline; filename=\"" + report.fileName("pdf") + "\"");
    }
}
