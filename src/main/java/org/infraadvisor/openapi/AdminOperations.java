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
 * Put on every controller under {@code /admin}: in the API document its operations need the admin bearer token
 * ({@link #SCHEME}, declared on {@code Application}), answer {@code 401} without it, and answer refused requests
 * with a problem document ({@code 4XX}). The token itself is checked by {@code AdminTokenFilter}. See docs/api.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@SecurityRequirement(name = AdminOperations.SCHEME)
@ApiResponse(responseCode = "401", description = "No admin token, or a wrong one",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "4XX", description = "Refused: the problem document's `detail` says what is wrong and where",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface AdminOperations {

    /** The name of the admin bearer token's security scheme in the API document. */
    String SCHEME = "adminToken";
}
