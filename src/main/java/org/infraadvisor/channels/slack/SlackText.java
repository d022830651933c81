package org.infraadvisor.channels.slack;

/** Slack text helpers: mrkdwn escaping and Block Kit length limits. */
final class SlackText {

    private SlackText() {
    }

    /** Escapes the three characters Slack's mrkdwn reserves, so that user and rule text cannot form links or mentions. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String limit(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
