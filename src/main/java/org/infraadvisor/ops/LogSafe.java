package org.infraadvisor.ops;

import org.infraadvisor.conversation.Ids;

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
}
