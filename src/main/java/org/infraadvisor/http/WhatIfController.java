package org.infraadvisor.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.annotation.Serdeable.Deserializable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.openapi.PublicOperations;
import org.infraadvisor.document.DocumentMapper;
import org.infraadvisor.document.RecommendationDocument;
import org.infraadvisor.whatif.RecommendationDiff;
import org.infraadvisor.whatif.WhatIfService;

import java.util.List;
import java.util.Map;

@Controller("/api/conversations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "conversations")
@PublicOperations
public class WhatIfController {

    private final WhatIfService whatIf;
    private final DocumentMapper documents;

    public WhatIfController(WhatIfService whatIf, DocumentMapper documents) {
        this.whatIf = whatIf;
        this.documents = documents;
    }

    /** {@code {"answers": {"<question id>": value, …}}}: the answers to try instead of the conversation's. */
    @Serdeable
    public record WhatIfRequest(@Nullable @Deserializable(using = StrictJson.Answers.class) Map<String, JsonNode> answers) {
    }

    /**
     * @param answers        the answers that differ (including ones no longer asked after the change)
     * @param unanswered     questions the changed answers newly bring up; they count as unknown
     * @param recommendation the advice that would result
     * @param diff           against the advice for the conversation's answers as they are, with the same rules
     */
    @Serdeable
    public record WhatIfResponse(String conversation, String rulesVersion, List<WhatIfService.AnswerChange> answers,
                                 List<String> unanswered, RecommendationDocument recommendation, RecommendationDiff diff) {
    }

    @Post("/{id}/what-if")
    @Operation(summary = "What if I answered differently?",
            description = "The recommendation that would result from the changed answers and a diff against the current one. "
                    + "The stored conversation does not change.")
    public WhatIfResponse whatIf(String id, @Body WhatIfRequest request) {
        WhatIfService.WhatIf w = whatIf.whatIf(id, request.answers());
        return new WhatIfResponse(w.conversation(), w.rulesVersion(), w.answers(), w.unanswered(),
                documents.recommendation(w.advice(), w.flow()), w.diff());
    }
}
