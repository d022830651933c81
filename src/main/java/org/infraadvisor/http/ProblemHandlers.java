package org.infraadvisor.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.infraadvisor.conversation.ConversationNotFoundException;
import org.infraadvisor.conversation.FlowNotFoundException;
import org.infraadvisor.conversation.NoRecommendationYetException;
import org.infraadvisor.conversation.SharedAdviceNotFoundException;
import org.infraadvisor.dialogue.InvalidAnswerException;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.ops.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Set;

/** Maps the domain's exceptions to problem documents with the right status: the one place that knows the mapping. */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    static MutableHttpResponse<?> problem(ErrorResponseProcessor<?> processor, HttpRequest<?> request, HttpStatus status, Throwable e, String detail) {
        return processor.processResponse(ErrorContext.builder(request).cause(e).errorMessage(detail).build(), HttpResponse.status(status));
    }

    /**
     * An exception answered with one status and a problem whose detail says what is wrong: a domain exception's own
     * message, or what a subclass makes of the exception and the request.
     */
    abstract static class WithStatus<E extends Throwable> implements ExceptionHandler<E, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> processor;
        private final HttpStatus status;

        WithStatus(ErrorResponseProcessor<?> processor, HttpStatus status) {
            this.processor = processor;
            this.status = status;
        }

        String detail(HttpRequest<?> request, E e) {
            return e.getMessage();
        }

        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, E e) {
            return problem(processor, request, status, e, detail(request, e));
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {InvalidAnswerException.class, ExceptionHandler.class})
    static class InvalidAnswer extends WithStatus<InvalidAnswerException> {
        InvalidAnswer(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {ConversationNotFoundException.class, ExceptionHandler.class})
    static class ConversationNotFound extends WithStatus<ConversationNotFoundException> {
        ConversationNotFound(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {SharedAdviceNotFoundException.class, ExceptionHandler.class})
    static class SharedAdviceNotFound extends WithStatus<SharedAdviceNotFoundException> {
        SharedAdviceNotFound(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {FlowNotFoundException.class, ExceptionHandler.class})
    static class FlowNotFound extends WithStatus<FlowNotFoundException> {
        FlowNotFound(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {NoRecommendationYetException.class, ExceptionHandler.class})
    static class NoRecommendationYet extends WithStatus<NoRecommendationYetException> {
        NoRecommendationYet(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
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

    /**
     * A write that lost a race inside the database (duplicate key, serialization failure, deadlock, lock timeout)
     * is a conflict the client can retry, not a server fault; every other database error stays a 500.
     */
    @Singleton
    @Produces
    @Requires(classes = {DataAccessException.class, ExceptionHandler.class})
    static class DatabaseConflict implements ExceptionHandler<DataAccessException, HttpResponse<?>> {
        private static final Logger LOG = LoggerFactory.getLogger(DatabaseConflict.class);
        /** SQLSTATEs of both H2 and PostgreSQL: unique violation, serialization failure, deadlock, H2 lock timeout. */
        static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01", "HYT00");

        private final ErrorResponseProcessor<?> processor;

        DatabaseConflict(ErrorResponseProcessor<?> processor) {
            this.processor = processor;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, DataAccessException e) {
            if (isConflict(e)) {
                return problem(processor, request, HttpStatus.CONFLICT, e,
                        "the conversation was changed by another request at the same time; fetch it again and retry");
            }
            LOG.error("Database error on {} {}", request.getMethod(), LogSafe.route(request), LogSafe.withoutMessages(e));
            return problem(processor, request, HttpStatus.INTERNAL_SERVER_ERROR, e, "the database failed to answer; try again later");
        }

        static boolean isConflict(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getSQLState() != null && CONFLICT_STATES.contains(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {AdvisorEngine.RuleLoopException.class, ExceptionHandler.class})
    static class RuleLoop extends WithStatus<AdvisorEngine.RuleLoopException> {
        RuleLoop(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }
}
