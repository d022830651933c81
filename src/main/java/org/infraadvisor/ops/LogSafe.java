package org.infraadvisor.ops;

/** What may stand in a log line for values that must not be logged whole. */
public final class LogSafe {

    private LogSafe() {
    }

    /**
     * A conversation id is a capability (whoever knows it can read and answer the conversation), so logs name
     * a conversation by its first characters only: enough to find it in the admin listing, useless to take it over.
     */
    public static String conversationRef(String id) {
        return id == null ? "-" : id.length() <= 6 ? "…" : id.substring(0, 6) + "…";
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
