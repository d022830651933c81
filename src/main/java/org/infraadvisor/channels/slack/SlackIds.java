package org.infraadvisor.channels.slack;

import java.util.regex.Pattern;

/**
 * The identifiers Slack puts in a request, checked before anything uses them: Slack writes team, channel and user
 * ids as letters and digits, timestamps as seconds with a fraction, and trigger and event ids from a few safe
 * characters. Anything else cannot come from Slack; refusing it keeps line breaks out of the logs and every
 * identifier within the columns that store it (40 characters; {@code slack_delivery.delivery_key} 255).
 */
final class SlackIds {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,40}");
    private static final Pattern TS = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,19})?");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private SlackIds() {
    }

    /** A team, channel or user id. */
    static String id(String field, String value) {
        return check(field, value, ID, "a Slack id (letters and digits, at most 40)");
    }

    /** A message timestamp ({@code ts}, {@code thread_ts}, {@code action_ts}); null when absent. */
    static String ts(String field, String value) {
        return value == null ? null : check(field, value, TS, "a Slack timestamp (seconds.fraction)");
    }

    /** A trigger or event id; null when absent. */
    static String token(String field, String value) {
        return value == null ? null : check(field, value, TOKEN, "a Slack trigger or event id (letters, digits, '.', '_', '-', at most 100)");
    }

    private static String check(String field, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new SlackPayloads.Malformed("'%s' is not %s".formatted(field, expected));
        }
        return value;
    }
}
