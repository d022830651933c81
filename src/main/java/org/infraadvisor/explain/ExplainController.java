package org.infraadvisor.explain;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.openapi.PublicOperations;

/** "Why?" and "why not on-prem?" for a conversation. */
@Controller("/api/conversations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "conversations")
@PublicOperations
public class ExplainController {

    private final ExplainService explain;

    public ExplainController(ExplainService explain) {
        this.explain = explain;
    }

    @Get("/{id}/explain")
    @Operation(summary = "Why and why not",
            description = "The chain rule → facts → answers behind the recommendation, and for each strategy not chosen "
                    + "the rules that would have supported it and which of their conditions your answers did not meet.")
    public ExplainService.ConversationExplanation explain(String id) {
        return explain.conversation(id);
    }
}
