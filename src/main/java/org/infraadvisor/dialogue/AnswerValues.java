package org.infraadvisor.dialogue;

import io.micronaut.json.tree.JsonNode;
import org.infraadvisor.format.Readable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a value sent for a question and turns it into its canonical form: a {@code String} for choice and
 * text, a {@code Double} for number, a {@code Boolean} for yes/no, a {@code List<String>} for multi, or the
 * string {@code "unknown"} for every type.
 */
public final class AnswerValues {

    public static final String UNKNOWN = "unknown";
    public static final int DEFAULT_TEXT_LIMIT = 2000;
    /** A number as a person writes it in digits: optional sign, decimal point and exponent; no hex, suffixes or words. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    private AnswerValues() {
    }

    public static Object canonical(Question q, JsonNode value) {
        if (value == null || value.isNull()) {
            throw new InvalidAnswerException("question '%s' needs a value; send \"unknown\" if you don't know".formatted(q.id()));
        }
        if (value.isString() && UNKNOWN.equals(value.getStringValue())) {
            return UNKNOWN;
        }
        return switch (q.type()) {
            case CHOICE -> choice(q, value);
            case MULTI -> multi(q, value);
            case NUMBER -> number(q, value);
            case BOOLEAN -> bool(q, value);
            case TEXT -> text(q, value);
        };
    }

    /**
     * The answers a question offers, to try them out: every option (for a multiple choice each option alone and all
     * of them), yes and no; none for numbers and text.
     */
    public static List<Object> choices(Question q) {
        List<Object> values = new ArrayList<>();
        switch (q.type()) {
            case CHOICE -> q.options().forEach(o -> values.add(o.value()));
            case MULTI -> {
                q.options().forEach(o -> values.add(List.of(o.value())));
                if (q.options().size() > 1) {
                    values.add(q.options().stream().map(Option::value).toList());
                }
            }
            case BOOLEAN -> {
                values.add(true);
                values.add(false);
            }
            case NUMBER, TEXT -> {
            }
        }
        return values;
    }

    private static String choice(Question q, JsonNode value) {
        if (!value.isString()) {
            throw wrongType(q, "one of " + offered(q));
        }
        String v = value.getStringValue();
        if (!q.offers(v)) {
            throw new InvalidAnswerException("'%s' is not an option of question '%s'; expected one of %s"
                    .formatted(shorten(v), q.id(), offered(q)));
        }
        return v;
    }

    private static List<String> multi(Question q, JsonNode value) {
        if (!value.isArray()) {
            throw wrongType(q, "a list of options from " + offered(q));
        }
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        int position = 0;
        for (JsonNode item : value.values()) {
            position++;
            if (!item.isString()) {
                throw new InvalidAnswerException("question '%s' expects a list of options in quotes from %s; item %d is %s"
                        .formatted(q.id(), offered(q), position, describe(item)));
            }
            if (!q.offers(item.getStringValue())) {
                throw new InvalidAnswerException("'%s' is not an option of question '%s'; expected values from %s"
                        .formatted(shorten(item.getStringValue()), q.id(), offered(q)));
            }
            chosen.add(item.getStringValue());
        }
        if (chosen.isEmpty()) {
            throw new InvalidAnswerException("question '%s' needs at least one option from %s".formatted(q.id(), offered(q)));
        }
        return new ArrayList<>(chosen);
    }

    private static Double number(Question q, JsonNode value) {
        double d;
        if (value.isNumber()) {
            d = value.getNumberValue().doubleValue();
        } else if (value.isString()) {
            // digits only: Java would also read "70d", "0x1p6" or "NaN" as numbers
            String text = value.getStringValue().strip();
            if (!DECIMAL.matcher(text).matches()) {
                throw new InvalidAnswerException("question '%s' expects a number written in digits, such as 70 or 2.5; '%s' is not one"
                        .formatted(q.id(), shorten(text)));
            }
            d = Double.parseDouble(text);
        } else {
            throw wrongType(q, "a number");
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw wrongType(q, "a finite number");
        }
        if (q.whole() && d != Math.rint(d)) {
            throw new InvalidAnswerException("question '%s' takes a whole number; %s is not one"
                    .formatted(q.id(), given(d)));
        }
        if (q.min() != null && d < q.min() || q.max() != null && d > q.max()) {
            throw new InvalidAnswerException("%s is out of range for question '%s': expected %s"
                    .formatted(given(d), q.id(), range(q)));
        }
        return d;
    }

    /** A refused number as given, or its size when it has too many digits to read. */
    private static String given(double d) {
        if (Math.abs(d) < 1e15) {
            return Readable.exact(d);
        }
        int digits = (int) Math.floor(Math.log10(Math.abs(d))) + 1;
        return (d < 0 ? "a negative number" : "a number") + " of " + Readable.exact(digits) + " digits";
    }

    /** "0 to 10,000,000,000 requests/day", "at least 1 site", "at most 100 %". */
    private static String range(Question q) {
        String unit = q.unit() == null || q.unit().isBlank() ? "" : " " + q.unit();
        if (q.min() != null && q.max() != null) {
            return Readable.exact(q.min()) + " to " + Readable.exact(q.max()) + unit;
        }
        return (q.min() != null ? "at least " + Readable.exact(q.min()) : "at most " + Readable.exact(q.max())) + unit;
    }

    private static Boolean bool(Question q, JsonNode value) {
        if (value.isBoolean()) {
            return value.getBooleanValue();
        }
        if (value.isString()) {
            switch (value.getStringValue().toLowerCase(Locale.ROOT)) {
                case "yes", "true" -> {
                    return true;
                }
                case "no", "false" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw wrongType(q, "true or false");
    }

    private static String text(Question q, JsonNode value) {
        if (!value.isString()) {
            throw wrongType(q, "text");
        }
        String v = value.getStringValue().strip();
        int limit = q.maxLength() == null ? DEFAULT_TEXT_LIMIT : q.maxLength();
        if (v.isEmpty()) {
            throw new InvalidAnswerException("question '%s' needs some text".formatted(q.id()));
        }
        if (v.length() > limit) {
            throw new InvalidAnswerException("answer to question '%s' is %d characters long; at most %d are allowed"
                    .formatted(q.id(), v.length(), limit));
        }
        return v;
    }

    private static InvalidAnswerException wrongType(Question q, String expected) {
        return new InvalidAnswerException("question '%s' is of type %s and expects %s (or \"unknown\")"
                .formatted(q.id(), q.type().jsonName(), expected));
    }

    /** What a JSON value is, as a person would say it: "text", "a number", "true", "a list"… */
    public static String describe(JsonNode node) {
        if (node.isString()) {
            return "text";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return node.getBooleanValue() ? "true" : "false";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isObject() ? "an object" : "null";
    }

    /** "'inference', 'training' or 'fine-tuning'": the values an answer may take, as they are written in a request. */
    private static String offered(Question q) {
        return Readable.alternatives(q.options().stream().map(o -> "'" + o.value() + "'").toList());
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    public static String format(Double d) {
        if (d == null) {
            return "any";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
