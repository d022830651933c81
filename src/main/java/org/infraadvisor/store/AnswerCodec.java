package org.infraadvisor.store;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Canonical answer values as JSON text and back: numbers read back as doubles, lists as lists of strings.
 * Every turn reads all the conversation's answers and writes one; the common values (a plain ASCII string, a finite
 * number, a yes/no) skip the JSON mapper, whose parser and generator set-up per value cost more than the value itself,
 * and come out exactly as the mapper writes and reads them ({@code AnswerCodecTest} compares the two).
 */
@Singleton
public class AnswerCodec {
    /** A number as the mapper writes a finite double (and as any stored before was written): read exactly by parseDouble. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,17})?(E-?[0-9]{1,3})?");

    private final JsonMapper json;

    public AnswerCodec(JsonMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        if (value instanceof String s && plain(s, 0, s.length())) {
            return '"' + s + '"';
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object read(String valueJson) {
        int length = valueJson.length();
        if (length >= 2 && valueJson.charAt(0) == '"' && valueJson.charAt(length - 1) == '"' && plain(valueJson, 1, length - 1)) {
            return valueJson.substring(1, length - 1);
        }
        if (valueJson.equals("true") || valueJson.equals("false")) {
            return Boolean.valueOf(valueJson);
        }
        if (length <= 40 && PLAIN_NUMBER.matcher(valueJson).matches()) {
            return Double.parseDouble(valueJson);
        }
        try {
            Object v = json.readValue(valueJson, Object.class);
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            if (v instanceof List<?> l) {
                return l.stream().map(String::valueOf).toList();
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Printable ASCII without quote or backslash: the same inside a JSON string as outside. */
    private static boolean plain(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
