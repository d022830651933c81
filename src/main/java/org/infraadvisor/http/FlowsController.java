package org.infraadvisor.http;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.openapi.PublicOperations;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.engine.RuleSetHolder;

import java.util.Comparator;
import java.util.List;

/**
 * The dialogue flows the service offers. The list answers from memory: it is also the HTTP baseline of the benchmarks.
 * One flow comes with all its questions, in the same shape as a conversation's next {@code question}: clients need
 * it to let a user change an earlier answer (the options of a question asked long ago).
 */
@Controller("/api/flows")
@Tag(name = "flows")
@PublicOperations
public class FlowsController {

    private final RuleSetHolder rules;

    public FlowsController(RuleSetHolder rules) {
        this.rules = rules;
    }

    @Serdeable
    public record FlowSummary(String id, String title, String description, int questions) {
    }

    @Serdeable
    public record FlowDetail(String id, String title, String description, List<ConversationView.QuestionView> questions) {
    }

    @Get
    @Operation(summary = "Flows available")
    public List<FlowSummary> flows() {
        return rules.current().flows().values().stream()
                .sorted(Comparator.comparing(Flow::id))
                .map(f -> new FlowSummary(f.id(), f.title(), f.description(), f.questions().size()))
                .toList();
    }

    @Get("/{id}")
    @Operation(summary = "One flow with its questions",
            description = "Every question the flow may ask, in order; which of them are asked depends on earlier answers.")
    public FlowDetail flow(String id) {
        Flow flow = ConversationService.flow(rules.current(), id);
        return new FlowDetail(flow.id(), flow.title(), flow.description(),
                flow.questions().stream().map(ConversationView.QuestionView::of).toList());
    }
}
