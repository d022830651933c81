package org.infraadvisor.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import org.infraadvisor.format.Readable;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body that cannot be read gets a 400 whose detail says what is wrong in the request's own terms — the
 * field, the line and column, the key given twice — and never names the parser or a class of the service.
 */
final class RequestBodyProblems {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']{0,100})");
    private static final Pattern PROPERTY = Pattern.compile("property \\[(?:[^\\]]* )?([A-Za-z0-9_]+)]");
    private static final Pattern TOKENS = Pattern.compile("Unexpected token (\\w+), expected (\\w+)");
    /** The limit in Jackson's {@code … exceeds the maximum allowed (1000, from …)}. */
    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");

    private RequestBodyProblems() {
    }

    /** What is wrong with a body that could not be read, for the person who sent it. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StrictJson.WrongType wrongType) {
                return wrongType.getMessage();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                String original = String.valueOf(json.getOriginalMessage());
                Matcher duplicate = DUPLICATE.matcher(original);
                if (duplicate.find()) {
                    return "the key '%s' appears twice in the same object of the request body; send each key once".formatted(duplicate.group(1));
                }
                if (json instanceof StreamConstraintsException) {
                    return tooLarge(original) + where(json.getLocation());
                }
                return "the request body is not valid JSON" + where(json.getLocation());
            }
        }
        String messages = messages(failure);
        Matcher tokens = TOKENS.matcher(messages);
        if (tokens.find()) {
            Matcher property = PROPERTY.matcher(messages);
            String what = property.find() ? "the field '%s'".formatted(property.group(1)) : "the request body";
            return "%s must be %s, not %s".formatted(what, token(tokens.group(2)), token(tokens.group(1)));
        }
        return "the request body does not have the fields this endpoint takes (see the API document at /openapi)";
    }

    /** A body that is JSON but beyond what the service reads: nested too deep, a number or a text too long. */
    private static String tooLarge(String parserMessage) {
        String what;
        String unit;
        if (parserMessage.startsWith("Document nesting depth")) {
            what = "the request body nests lists and objects too deep";
            unit = "levels";
        } else if (parserMessage.startsWith("Number value length")) {
            what = "a number in the request body has too many digits";
            unit = "digits";
        } else {
            what = "the request body has a value too long to read";
            unit = "characters";
        }
        Matcher limit = LIMIT.matcher(parserMessage);
        return limit.find() ? "%s: at most %s %s are read".formatted(what, Readable.number(Double.parseDouble(limit.group(1))), unit) : what;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line %d, column %d)".formatted(location.getLineNr(), location.getColumnNr());
    }

    private static String token(String jsonToken) {
        return switch (jsonToken.toUpperCase(Locale.ROOT)) {
            case "START_OBJECT" -> "an object";
            case "START_ARRAY" -> "a list";
            case "VALUE_STRING" -> "text";
            case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> "a number";
            case "VALUE_TRUE", "VALUE_FALSE" -> "true or false";
            case "VALUE_NULL" -> "null";
            default -> "something else";
        };
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number no larger than " + Readable.exact(Integer.MAX_VALUE);
        }
        if (type == Long.class || type == long.class) {
            return "a whole number no larger than " + Readable.exact(Long.MAX_VALUE);
        }
        return type == Boolean.class || type == boolean.class ? "true or false" : "in the documented form";
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** A failure to read the request, answered with 400 and a detail in the request's terms. */
    private abstract static class BadRequest<E extends Throwable> extends ProblemHandlers.WithStatus<E> {
        BadRequest(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.BAD_REQUEST);
        }

        abstract String detail(E e);

        @Override
        String detail(HttpRequest<?> request, E e) {
            return detail(e);
        }
    }

    @Singleton
    @Produces
    @Replaces(ConversionErrorHandler.class)
    static class Conversion extends BadRequest<ConversionErrorException> {
        Conversion(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        String detail(ConversionErrorException e) {
            Argument<?> argument = e.getArgument();
            return argument.getAnnotationMetadata().hasAnnotation(Body.class) ? describe(e)
                    : "the parameter '%s' must be %s".formatted(argument.getName(), kind(argument.getType()));
        }
    }

    @Singleton
    @Produces
    @Replaces(JsonExceptionHandler.class)
    static class Syntax extends BadRequest<JsonSyntaxException> {
        Syntax(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        String detail(JsonSyntaxException e) {
            return describe(e);
        }
    }

    static String missing(Argument<?> argument) {
        return argument.getAnnotationMetadata().hasAnnotation(Body.class) ? "the request needs a JSON object as its body"
                : "the request needs the parameter '%s'".formatted(argument.getName());
    }

    @Singleton
    @Produces
    @Replaces(UnsatisfiedArgumentHandler.class)
    static class MissingArgument extends BadRequest<UnsatisfiedArgumentException> {
        MissingArgument(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        String detail(UnsatisfiedArgumentException e) {
            return missing(e.getArgument());
        }
    }

    @Singleton
    @Produces
    @Replaces(UnsatisfiedRouteHandler.class)
    static class MissingRouteArgument extends BadRequest<UnsatisfiedRouteException> {
        MissingRouteArgument(ErrorResponseProcessor<?> processor) {
            super(processor);
        }

        @Override
        String detail(UnsatisfiedRouteException e) {
            return missing(e.getArgument());
        }
    }
}
