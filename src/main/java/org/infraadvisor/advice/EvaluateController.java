package org.infraadvisor.advice;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.conversation.ConversationService;

import java.util.Map;

/** Stateless advice for a full set of answers: for integrators, rule authors and tests. */
@Controller("/api/evaluate")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "evaluate")
public class EvaluateController {

    private final ConversationService service;

    public EvaluateController(ConversationService service) {
        this.service = service;
    }

    @Serdeable
    public record EvaluateResponse(Recommendation recommendation) {
    }

    @Post
    @Operation(summary = "Evaluate answers without storing them", description = "Missing answers count as unknown.")
    public EvaluateResponse evaluate(@Body EvaluateRequest request) {
        return new EvaluateResponse(service.evaluate(request.flow(), request.answers() == null ? Map.of() : request.answers()));
    }
}
