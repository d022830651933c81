package org.infraadvisor.whatif;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.annotation.Serdeable.Deserializable;
import org.infraadvisor.api.StrictJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.openapi.PublicOperations;

import java.util.Map;

@Controller("/api/conversations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "conversations")
@PublicOperations
public class WhatIfController {

    private final WhatIfService whatIf;

    public WhatIfController(WhatIfService whatIf) {
        this.whatIf = whatIf;
    }

    /** {@code {"answers": {"<question id>": value, …}}}: the answers to try instead of the conversation's. */
    @Serdeable
    public record WhatIfRequest(@Nullable @Deserializable(using = StrictJson.Answers.class) Map<String, JsonNode> answers) {
    }

    @Post("/{id}/what-if")
    @Operation(summary = "What if I answered differently?",
            description = "The recommendation that would result from the changed answers and a diff against the current one. "
                    + "The stored conversation does not change.")
    public WhatIfService.WhatIf whatIf(String id, @Body WhatIfRequest request) {
        return whatIf.whatIf(id, request.answers());
    }
}
