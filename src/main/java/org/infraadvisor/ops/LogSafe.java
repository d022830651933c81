package org.infraadvisor.ops;

import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import org.infraadvisor.conversation.Ids;

import java.sql.SQLException;

/** What may stand in a log line for values that must not be logged whole. */
public final class LogSafe {

    private LogSafe() {
    }

    /** A conversation as logs name it: its first characters only ({@link Ids#logRef}). */
    public static String conversationRef(String id) {
        return Ids.logRef(id);
    }

    /**
     * A value from a request (a Slack user or event id, a header) as it may stand in a log line: printable ASCII only,
     * at most 40 characters, so that no input can forge or garble log lines; "none" for null.
     */
    public static String printable(String value) {
        if (value == null) {
            return "none";
        }
        String clean = value.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 39) + "…";
    }

    /** A request's route template ({@code /api/conversations/{id}/answers}), never its path, which holds ids and tokens. */
    public static String route(HttpRequest<?> request) {
        return BasicHttpAttributes.getUriTemplate(request).orElse("(no route)");
    }

    /**
     * The exception chain with class names, SQL states and stack frames but without messages: a database's message
     * quotes the values it refused (what a user typed) and the statement's parameters.
     */
    public static Throwable withoutMessages(Throwable e) {
        if (e == null) {
            return null;
        }
        String state = e instanceof SQLException sql && sql.getSQLState() != null ? " (SQLState " + sql.getSQLState() + ")" : "";
        Throwable copy = new Redacted(e.getClass().getName() + state, withoutMessages(e.getCause() == e ? null : e.getCause()));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** Stands in for an exception whose message must not be logged. */
    private static final class Redacted extends RuntimeException {
        Redacted(String what, Throwable cause) {
            super(what, cause);
        }
    }
}
