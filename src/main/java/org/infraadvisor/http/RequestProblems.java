package org.infraadvisor.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.NotAcceptableException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.http.server.exceptions.NotAllowedExceptionHandler;
import io.micronaut.http.server.exceptions.URISyntaxHandler;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.infraadvisor.format.Readable;

import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A request the service does not take as it was sent — an address that is not a URL, another method, another media
 * type (sent or asked for), a body too large — gets a problem whose detail says what to send instead, in words rather
 * than the framework's bracketed lists.
 */
final class RequestProblems {

    private RequestProblems() {
    }

    private static String either(Collection<String> items) {
        return Readable.alternatives(List.copyOf(items));
    }

    @Singleton
    @Produces
    @Replaces(URISyntaxHandler.class)
    static class NotAUrl extends ProblemHandlers.WithStatus<URISyntaxException> {
        NotAUrl(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.BAD_REQUEST);
        }

        @Override
        String detail(HttpRequest<?> request, URISyntaxException e) {
            String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
            String where = e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "";
            return "the address is not a valid URL: %s%s (a '%%' must be followed by two hexadecimal digits, other special characters percent-encoded)"
                    .formatted(reason, where);
        }
    }

    @Singleton
    @Produces
    @Replaces(NotAllowedExceptionHandler.class)
    static class MethodNotAllowed extends ProblemHandlers.WithStatus<NotAllowedException> {
        MethodNotAllowed(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.METHOD_NOT_ALLOWED);
        }

        @Override
        String detail(HttpRequest<?> request, NotAllowedException e) {
            return "%s is not allowed on this address; it takes %s".formatted(e.getRequestMethod(), either(e.getAllowedMethods()));
        }

        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, NotAllowedException e) {
            return super.handle(request, e).header("Allow", String.join(", ", e.getAllowedMethods()));
        }
    }

    @Singleton
    @Produces
    static class MediaTypeNotTaken extends ProblemHandlers.WithStatus<UnsupportedMediaException> {
        MediaTypeNotTaken(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        }

        @Override
        String detail(HttpRequest<?> request, UnsupportedMediaException e) {
            return "a body of type '%s' is not taken here; send it as %s (the Content-Type header)"
                    .formatted(e.getContentType(), either(e.getAcceptableContentTypes()));
        }
    }

    @Singleton
    @Produces
    static class MediaTypeNotProduced extends ProblemHandlers.WithStatus<NotAcceptableException> {
        MediaTypeNotProduced(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_ACCEPTABLE);
        }

        @Override
        String detail(HttpRequest<?> request, NotAcceptableException e) {
            return "this address answers %s only, and the Accept header asks for %s"
                    .formatted(either(e.getProduceableContentTypes()), either(e.getAcceptedTypes()));
        }
    }

    @Singleton
    @Produces
    @Replaces(ContentLengthExceededHandler.class)
    static class BodyTooLarge extends ProblemHandlers.WithStatus<ContentLengthExceededException> {
        private final long maxRequestSize;

        BodyTooLarge(ErrorResponseProcessor<?> processor, HttpServerConfiguration server) {
            super(processor, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
            this.maxRequestSize = server.getMaxRequestSize();
        }

        @Override
        String detail(HttpRequest<?> request, ContentLengthExceededException e) {
            long length = request.getContentLength();
            return (length > 0 ? "the request body is %s bytes".formatted(Readable.number(length)) : "the request body is too large")
                    + "; at most %s bytes are taken".formatted(Readable.number(maxRequestSize));
        }
    }
}
