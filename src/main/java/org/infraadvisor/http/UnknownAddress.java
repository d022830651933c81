package org.infraadvisor.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.swagger.v3.oas.annotations.Hidden;
import org.infraadvisor.openapi.ApiDocument;

/**
 * An address no route answers gets a problem that names it and where the addresses are described, instead of the
 * framework's "Page Not Found".
 */
@Controller
@Hidden
class UnknownAddress {

    private final ErrorResponseProcessor<?> processor;

    UnknownAddress(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        String path = request.getPath();
        String shown = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        return processor.processResponse(ErrorContext.builder(request)
                .errorMessage("there is nothing at %s; the service's addresses are described at %s"
                        .formatted(shown, ApiDocument.PATH)).build(), HttpResponse.notFound());
    }
}
