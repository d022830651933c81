package org.infraadvisor.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.http.server.exceptions.NotAllowedExceptionHandler;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.URISyntaxHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.infraadvisor.format.Readable;

import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A request the service does not take as it was sent — an address that is not a URL, another method, another media
 * type, a body too large — gets a
 * problem whose detail says what to send instead, in words rather than the framework's bracketed lists.
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
    static class NotAUrl implements ExceptionHandler<URISyntaxException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        NotAUrl(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, URISyntaxException e) {
            String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
            String detail = "the address is not a valid URL: %s%s (a '%%' must be followed by two hexadecimal digits, other special characters percent-encoded)"
                    .formatted(reason, e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "");
            return ProblemHandlers.problem(processor, request, HttpStatus.BAD_REQUEST, e, detail);
        }
    }

    @Singleton
    @Produces
    @Replaces(NotAllowedExceptionHandler.class)
    static class MethodNotAllowed implements ExceptionHandler<NotAllowedException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        MethodNotAllowed(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, NotAllowedException e) {
            String detail = "%s is not allowed on this address; it takes %s".formatted(e.getRequestMethod(), either(e.getAllowedMethods()));
            return ProblemHandlers.problem(processor, request, HttpStatus.METHOD_NOT_ALLOWED, e, detail)
                    .toMutableResponse().header("Allow", String.join(", ", e.getAllowedMethods()));
        }
    }

    @Singleton
    @Produces
    static class MediaTypeNotSupported implements ExceptionHandler<UnsupportedMediaException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        MediaTypeNotSupported(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, UnsupportedMediaException e) {
            String detail = "a body of type '%s' is not taken here; send it as %s (the Content-Type header)"
                    .formatted(e.getContentType(), either(e.getAcceptableContentTypes()));
            return ProblemHandlers.problem(processor, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e, detail);
        }
    }

    @Singleton
    @Produces
    @Replaces(ContentLengthExceededHandler.class)
    static class BodyTooLarge implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;
        private final long maxRequestSize;

        BodyTooLarge(ErrorResponseProcessor<?> processor, HttpServerConfiguration server) {
            this.processor = processor;
            this.maxRequestSize = server.getMaxRequestSize();
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException e) {
            long length = request.getContentLength();
            String detail = (length > 0 ? "the request body is %s bytes".formatted(Readable.number(length)) : "the request body is too large")
                    + "; at most %s bytes are taken".formatted(Readable.number(maxRequestSize));
            return ProblemHandlers.problem(processor, request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, e, detail);
        }
    }
}
