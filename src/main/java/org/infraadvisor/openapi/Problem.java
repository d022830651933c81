package org.infraadvisor.openapi;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error the service answers (RFC 9457, {@code application/problem+json}), for the API document
 * (the HTTP adapter's problem handlers write them). Some problems add fields (e.g. a refused reload's {@code report}).
 */
@Schema(name = "Problem", description = "What went wrong: `detail` says what is wrong and where, for a person to read")
public record Problem(
        @Schema(description = "Always `about:blank`: the status says what kind of problem it is") String type,
        @Schema(description = "The status's reason phrase, e.g. `Unprocessable Entity`") String title,
        @Schema(description = "The HTTP status") int status,
        @Schema(description = "What is wrong and where, e.g. `question 'workload' needs a value`") String detail,
        @Schema(description = "The path of the request") String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
