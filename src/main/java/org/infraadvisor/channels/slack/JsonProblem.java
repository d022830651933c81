package org.infraadvisor.channels.slack;

import com.google.gson.JsonParseException;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Gson found wrong with a Slack body, in the body's terms: what was expected, the line, column and field —
 * never Gson's own words, token names or links to its troubleshooting guide.
 */
final class JsonProblem {

    private static final Pattern WHERE = Pattern.compile("at line (\\d+) column (\\d+) path (\\$\\S*)");
    private static final Pattern EXPECTED = Pattern.compile("Expected (\\w+) but was (\\w+)");
    private static final Map<String, String> TOKENS = Map.of("BEGIN_ARRAY", "a list", "BEGIN_OBJECT", "an object",
            "STRING", "text", "NUMBER", "a number", "BOOLEAN", "true or false", "NULL", "null", "END_DOCUMENT", "the end of the body");
    private static final int LONGEST_FIELD = 60;

    private JsonProblem() {
    }

    static String describe(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        Matcher expected = EXPECTED.matcher(message);
        String what = expected.find() ? "expected %s, found %s".formatted(token(expected.group(1)), token(expected.group(2)))
                : message.contains("Nesting limit") ? "lists or objects are nested too deeply"
                : e instanceof JsonParseException ? "it is not well-formed JSON" : "a field has a value of the wrong type";
        Matcher where = WHERE.matcher(message);
        return where.find() ? "%s (line %s, column %s%s)".formatted(what, where.group(1), where.group(2), field(where.group(3))) : what;
    }

    private static String token(String gsonToken) {
        return TOKENS.getOrDefault(gsonToken, "something else");
    }

    /** Gson's path without its root sign: {@code $.actions[0].value} → {@code , at 'actions[0].value'}; nothing for the root. */
    private static String field(String path) {
        String field = path.replaceFirst("^\\$\\.?", "");
        if (field.isEmpty()) {
            return "";
        }
        return ", at '%s'".formatted(field.length() > LONGEST_FIELD ? field.substring(0, LONGEST_FIELD) + "…" : field);
    }
}
