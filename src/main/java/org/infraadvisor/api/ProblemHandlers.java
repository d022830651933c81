package org.infraadvisor.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.infraadvisor.dialogue.InvalidAnswerException;
import org.infraadvisor.engine.AdvisorEngine;

/** Maps the domain's exceptions to problem documents with the right status. */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    static HttpResponse<?> problem(ErrorResponseProcessor<?> processor, HttpRequest<?> request, HttpStatus status, Throwable e, String detail) {
        return processor.processResponse(ErrorContext.builder(request).cause(e).errorMessage(detail).build(), HttpResponse.status(status));
    }

    @Singleton
    @Produces
    @Requires(classes = {InvalidAnswerException.class, ExceptionHandler.class})
    static class InvalidAnswer implements ExceptionHandler<InvalidAnswerException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        InvalidAnswer(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, InvalidAnswerException e) {
            return problem(processor, request, HttpStatus.UNPROCESSABLE_ENTITY, e, e.getMessage());
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {OptimisticLockException.class, ExceptionHandler.class})
    static class Conflict implements ExceptionHandler<OptimisticLockException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        Conflict(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, OptimisticLockException e) {
            return problem(processor, request, HttpStatus.CONFLICT, e,
                    "the conversation was changed by another request at the same time; fetch it again and retry");
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {AdvisorEngine.RuleLoopException.class, ExceptionHandler.class})
    static class RuleLoop implements ExceptionHandler<AdvisorEngine.RuleLoopException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;

        RuleLoop(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, AdvisorEngine.RuleLoopException e) {
            return problem(processor, request, HttpStatus.INTERNAL_SERVER_ERROR, e, e.getMessage());
        }
    }
}
