package org.infraadvisor.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.DocumentMapper;
import org.infraadvisor.openapi.PublicOperations;

/**
 * The REST face of {@link ConversationService}; the web widget and integrators use it. Everything here takes the
 * conversation id, which is the owner's key; what may be shown to others goes by the share token ({@code /api/shared}).
 */
@Controller("/api/conversations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "conversations")
@PublicOperations
public class ConversationController {

    private final ConversationService service;
    private final DocumentMapper documents;

    public ConversationController(ConversationService service, DocumentMapper documents) {
        this.service = service;
        this.documents = documents;
    }

    @Post
    @Operation(summary = "Start a conversation", description = "Returns the new conversation with its first question.")
    public HttpResponse<ConversationView> start(@Body StartRequest request) {
        ConversationView view = documents.view(service.start(request.flow(), "api"));
        return HttpResponse.created(view).header("Location", "/api/conversations/" + view.id());
    }

    @Get("/{id}")
    @Operation(summary = "Read a conversation", description = "Answers so far, the next question, or the recommendation when done.")
    public ConversationView get(String id) {
        return documents.view(service.get(id));
    }

    @Delete("/{id}")
    @Operation(summary = "Erase a conversation", description = "Deletes the conversation with its answers and recommendation for good → 204.")
    public HttpResponse<Void> erase(String id) {
        service.erase(id);
        return HttpResponse.noContent();
    }

    /** The read-only key of a conversation's share links. */
    @Serdeable
    public record Share(String shareToken) {
    }

    @Post("/{id}/share")
    @Operation(summary = "Make a new share link",
            description = "Gives the conversation a new read-only share token → 201; links with the previous token stop working. "
                    + "A share link (/api/shared/{shareToken}, …/report.html, .pdf, .md) shows the advice and nothing else.")
    public HttpResponse<Share> share(String id) {
        String token = service.newShareToken(id);
        return HttpResponse.created(new Share(token)).header("Location", "/api/shared/" + token);
    }

    @Delete("/{id}/share")
    @Operation(summary = "Stop sharing", description = "Revokes the share token: every share link of the conversation stops working → 204.")
    public HttpResponse<Void> stopSharing(String id) {
        service.stopSharing(id);
        return HttpResponse.noContent();
    }

    @Post("/{id}/answers")
    @Operation(summary = "Answer a question",
            description = "Answers the next question, or changes an earlier answer (later answers that no longer apply are dropped).")
    public ConversationView answer(String id, @Body AnswerRequest request) {
        return documents.view(service.answer(id, request.question(), request.value()));
    }
}
