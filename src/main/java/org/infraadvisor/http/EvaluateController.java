package org.infraadvisor.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import org.infraadvisor.openapi.PublicOperations;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.document.DocumentMapper;
import org.infraadvisor.document.RecommendationDocument;
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
    private final DocumentMapper documents;

    public EvaluateController(ConversationService service, ExplainService explain, DocumentMapper documents) {
        this.service = service;
        this.explain = explain;
        this.documents = documents;
    }

    /** {@code explanation} (and the recommendation's firing trace) is present only when the request asked for it. */
    @Serdeable
    public record EvaluateResponse(RecommendationDocument recommendation,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable @Schema(type = "object") Explanation explanation) {
        @Creator
        public EvaluateResponse {
        }

        public EvaluateResponse(RecommendationDocument recommendation) {
            this(recommendation, null);
        }
    }

    @Post
    @Operation(summary = "Evaluate answers without storing them",
            description = "Missing answers count as unknown. With \"explain\": true the response also explains why and why not, "
                    + "and the recommendation carries the firing trace (explanation).")
    public EvaluateResponse evaluate(@Body EvaluateRequest request) {
        Map<String, JsonNode> answers = request.answers() == null ? Map.of() : request.answers();
        if (Boolean.TRUE.equals(request.explain())) {
            ExplainService.Explained explained = explain.evaluate(request.flow(), answers);
            return new EvaluateResponse(documents.recommendation(explained.advice(), explained.flow(), explained.steps(),
                    explained.rules()), explained.explanation());
        }
        ConversationService.Evaluated evaluated = service.evaluate(request.flow(), answers);
        return new EvaluateResponse(documents.recommendation(evaluated.advice(), evaluated.flow()));
    }
}
