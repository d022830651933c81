package org.infraadvisor.dialogue;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.openapi.PublicOperations;
import org.infraadvisor.engine.RuleSetHolder;

import java.util.Comparator;
import java.util.List;

/** Lists the dialogue flows the service offers. Answers from memory: it is also the HTTP baseline of the benchmarks. */
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

    @Get
    @Operation(summary = "Flows available")
    public List<FlowSummary> flows() {
        return rules.current().flows().values().stream()
                .sorted(Comparator.comparing(Flow::id))
                .map(f -> new FlowSummary(f.id(), f.title(), f.description(), f.questions().size()))
                .toList();
    }
}
