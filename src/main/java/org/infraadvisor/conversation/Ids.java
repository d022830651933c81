package org.infraadvisor.conversation;

/** How ids and other user-given strings appear in messages: cut to a readable length. */
public final class Ids {

    private Ids() {
    }

    public static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
