package org.infraadvisor.http;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.openapi.PublicOperations;
import org.infraadvisor.document.DocumentMapper;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.explain.ExplainService;
import org.infraadvisor.explain.Explanation;

/** "Why?" and "why not on-prem?" for a conversation. */
@Controller("/api/conversations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "conversations")
@PublicOperations
public class ExplainController {

    private final ExplainService explain;
    private final DocumentMapper documents;

    public ExplainController(ExplainService explain, DocumentMapper documents) {
        this.explain = explain;
        this.documents = documents;
    }

    /**
     * @param complete       whether every question has been answered; if not, the missing answers count as unknown
     * @param recommendation the advice for the answers with the serving rules, with its firing trace
     */
    @Serdeable
    public record ConversationExplanation(String conversation, boolean complete, RecommendationDocument recommendation,
                                          Explanation explanation) {
    }

    @Get("/{id}/explain")
    @Operation(summary = "Why and why not",
            description = "The firing trace and the chain rule → facts → answers behind the recommendation, and for each "
                    + "strategy not chosen the rules that would have supported it and which of their conditions your answers "
                    + "did not meet.")
    public ConversationExplanation explain(String id) {
        ExplainService.Explained e = explain.conversation(id);
        return new ConversationExplanation(id, e.complete(),
                documents.recommendation(e.advice(), e.flow(), e.steps(), e.rules()), e.explanation());
    }
}
