package org.infraadvisor.openapi;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on every controller of the public API (or on one operation): in the API document its operations need no
 * credentials ({@code security: [{}]}) and answer refused requests with a problem document ({@code 4XX}).
 * Operations add their own specific statuses with {@code @ApiResponse} as usual. See docs/api.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@SecurityRequirement(name = "")
@ApiResponse(responseCode = "4XX", description = "Refused: the problem document's `detail` says what is wrong and where",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface PublicOperations {
}
