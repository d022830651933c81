package org.infraadvisor.conversation;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.openapi.PublicOperations;
import org.infraadvisor.engine.RuleSetHolder;

import java.util.List;

/**
 * One flow with all its questions, in the same shape as a conversation's next {@code question}. Clients need it
 * to let a user change an earlier answer (the options of a question asked long ago) without a channel-specific API.
 */
@Controller("/api/flows")
@Tag(name = "flows")
@PublicOperations
public class FlowDetailController {

    private final RuleSetHolder rules;

    public FlowDetailController(RuleSetHolder rules) {
        this.rules = rules;
    }

    @Serdeable
    public record FlowDetail(String id, String title, String description, List<ConversationView.QuestionView> questions) {
    }

    @Get("/{id}")
    @Operation(summary = "One flow with its questions",
            description = "Every question the flow may ask, in order; which of them are asked depends on earlier answers.")
    public FlowDetail flow(String id) {
        var ruleSet = rules.current();
        var flow = ruleSet.flow(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "no flow '%s'; available flows: %s".formatted(id.length() > 80 ? id.substring(0, 80) + "…" : id,
                        ruleSet.flows().keySet())));
        return new FlowDetail(flow.id(), flow.title(), flow.description(),
                flow.questions().stream().map(ConversationView.QuestionView::of).toList());
    }
}
