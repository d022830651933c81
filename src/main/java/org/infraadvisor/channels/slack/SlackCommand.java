package org.infraadvisor.channels.slack;

import java.util.Locale;

/**
 * What a user asked for in {@code /advisor …}, a mention or a direct message: start (or continue), restart,
 * change an earlier answer, or help.
 */
record SlackCommand(Kind kind, String argument) {

    enum Kind { START, RESTART, CHANGE, HELP, UNKNOWN }

    static final String HELP_TEXT = """
            *Infra Advisor* asks about your AI workload and recommends an infrastructure strategy \
            (cloud-first, hybrid or on-premises), accelerators, risks and readiness, with the reasons.
            • `/advisor` — start (or continue) your conversation; the questions come in a thread
            • `/advisor restart` — start over
            • `/advisor change <a few words of the question>` — change an earlier answer, e.g. `/advisor change data stay` \
            (or click *Change this answer* under it)
            • `/advisor help` — this help
            You can also mention the bot in a channel or send it a direct message.""";

    static SlackCommand parse(String text) {
        String t = text == null ? "" : text.replaceAll("<@[A-Z0-9]+(\\|[^>]*)?>", " ").strip();
        if (t.isEmpty()) {
            return new SlackCommand(Kind.START, "");
        }
        String[] words = t.split("\\s+", 2);
        String rest = words.length > 1 ? words[1].strip() : "";
        return switch (words[0].toLowerCase(Locale.ROOT)) {
            case "start", "go", "hi", "hello" -> new SlackCommand(Kind.START, rest);
            case "restart", "reset", "new" -> new SlackCommand(Kind.RESTART, rest);
            case "change", "edit" -> new SlackCommand(Kind.CHANGE, rest);
            case "help", "?" -> new SlackCommand(Kind.HELP, rest);
            default -> new SlackCommand(Kind.UNKNOWN, t);
        };
    }
}
