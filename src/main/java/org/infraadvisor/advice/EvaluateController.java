package org.infraadvisor.advice;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.openapi.PublicOperations;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.json.tree.JsonNode;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.explain.ExplainService;
import org.infraadvisor.explain.Explanation;

import java.util.Map;

/** Stateless advice for a full set of answers: for integrators, rule authors and tests. */
@Controller("/api/evaluate")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "evaluate")
@PublicOperations
public class EvaluateController {

    private final ConversationService service;
    private final ExplainService explain;

    public EvaluateController(ConversationService service, ExplainService explain) {
        this.service = service;
        this.explain = explain;
    }

    /** {@code explanation} is present only when the request asked for it. */
    @Serdeable
    public record EvaluateResponse(Recommendation recommendation,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable @Schema(type = "object") Explanation explanation) {
        @io.micronaut.core.annotation.Creator
        public EvaluateResponse {
        }

        public EvaluateResponse(Recommendation recommendation) {
            this(recommendation, null);
        }
    }

    @Post
    @Operation(summary = "Evaluate answers without storing them",
            description = "Missing answers count as unknown. With \"explain\": true the response also explains why and why not.")
    public EvaluateResponse evaluate(@Body EvaluateRequest request) {
        Map<String, JsonNode> answers = request.answers() == null ? Map.of() : request.answers();
        if (Boolean.TRUE.equals(request.explain())) {
            ExplainService.Explained explained = explain.evaluate(request.flow(), answers);
            return new EvaluateResponse(explained.recommendation(), explained.explanation());
        }
        return new EvaluateResponse(service.evaluate(request.flow(), answers));
    }
}
