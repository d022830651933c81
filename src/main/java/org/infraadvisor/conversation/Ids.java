package org.infraadvisor.conversation;

/** How conversation ids and other user-given strings appear in messages and logs. */
public final class Ids {

    private Ids() {
    }

    /** Cut to a readable length, for messages that quote what a request named. */
    public static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /**
     * A conversation id is a capability (whoever knows it can read and answer the conversation), so logs name
     * a conversation by its first characters only: enough to find it in the admin listing, useless to take it over.
     */
    public static String logRef(String id) {
        return id == null ? "-" : id.length() <= 6 ? "…" : id.substring(0, 6) + "…";
    }
}
