package org.infraadvisor.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.conversation.Conversation;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.document.DocumentMapper;
import org.infraadvisor.openapi.PublicOperations;
import org.infraadvisor.report.AdviceReports;

/**
 * What a read-only share link opens: the advice and its reports, found by the conversation's share token. Nothing
 * here can answer, change or erase, and nothing shows the conversation id. These are the links the widget offers and
 * Slack posts in channels; the owner revokes them with {@code DELETE /api/conversations/{id}/share}.
 */
@Controller("/api/shared/{shareToken}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "shared")
@PublicOperations
public class SharedAdviceController {

    /** Share links are meant for the people they are sent to, not for search engines. */
    private static final String ROBOTS = "X-Robots-Tag";
    private static final String NOINDEX = "noindex, nofollow";

    private final ConversationService conversations;
    private final DocumentMapper documents;
    private final AdviceReports reports;

    SharedAdviceController(ConversationService conversations, DocumentMapper documents, AdviceReports reports) {
        this.conversations = conversations;
        this.documents = documents;
        this.reports = reports;
    }

    @Get
    @Operation(summary = "The shared advice",
            description = "Answers and recommendation (null until there is one) of the conversation behind a share link; 404 once revoked.")
    public HttpResponse<SharedAdvice> advice(String shareToken) {
        Conversation c = conversations.readShared(shareToken);
        return HttpResponse.ok(SharedAdvice.of(documents.view(c), c.flow().title())).header(ROBOTS, NOINDEX);
    }

    @Get("/report.md")
    @Produces(ReportController.MARKDOWN)
    @Operation(summary = "The shared advice as Markdown", description = "409 while there is no recommendation yet; 404 once revoked.")
    public HttpResponse<String> markdown(String shareToken) {
        return unindexed(ReportController.markdown(reports.shared(shareToken)));
    }

    @Get("/report.html")
    @Produces(ReportController.HTML)
    @Operation(summary = "The shared advice as a printable HTML page", description = "409 while there is no recommendation yet; 404 once revoked.")
    public HttpResponse<String> html(String shareToken) {
        return unindexed(ReportController.html(reports.shared(shareToken)));
    }

    @Get("/report.pdf")
    @Produces(ReportController.PDF)
    @Operation(summary = "The shared advice as PDF", description = "409 while there is no recommendation yet; 404 once revoked.")
    public HttpResponse<byte[]> pdf(String shareToken) {
        return unindexed(ReportController.pdf(reports.shared(shareToken)));
    }

    private static <T> MutableHttpResponse<T> unindexed(MutableHttpResponse<T> response) {
        return response.header(ROBOTS, NOINDEX);
    }
}
