package org.infraadvisor.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates hostile input from a seed: JSON values of every type, odd Unicode, deep nesting, huge bodies, broken
 * JSON, path tricks. The same seed gives the same inputs, so a failure names its seed and can be replayed with
 * {@code -Dfuzz.seed=…}.
 */
public final class Fuzz {

    private static final String[] NASTY_STRINGS = {
            "", " ", "unknown", "UNKNOWN", "null", "true", "0", "-1", "1e309", "NaN", "Infinity", "0x10", "１２",
            "../", "..%2f..%2f", "%2e%2e/", "..\\..\\", "/etc/passwd", "\u0000", "a\u0000b", "\ud83d\ude80", "🤖🔥",
            "\u202e\u0645\u0631\u062d\u0628\u0627", "e\u0301\u0301\u0301", "\ufeff", "\uffff", "\ud800", "\udfff",
            "' OR '1'='1", "\"; drop table answer; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "#{1+1}",
            "%s%s%n", "\r\n\r\nX-Injected: 1", "inference", "training", "on-premises", "infra-strategy", "workload",
            "model_size_b", "data_residency", "latency"};
    private static final String[] KEYS = {"flow", "question", "value", "answers", "id", "status", "__proto__", "constructor"};

    private final long seed;
    private final Random random;

    public Fuzz(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public static long seed() {
        return Long.getLong("fuzz.seed", new Random().nextLong());
    }

    public static int tries() {
        return Integer.getInteger("fuzz.tries", 200);
    }

    public long seedValue() {
        return seed;
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public String string() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> oneOf(NASTY_STRINGS);
            case 2 -> randomUnicode(between(1, 40));
            case 3 -> oneOf(NASTY_STRINGS).repeat(between(2, 50));
            case 4 -> "x".repeat(between(50, 5000));
            default -> randomUnicode(between(0, 8)) + oneOf(NASTY_STRINGS);
        };
    }

    /** Code points from every plane, including controls, surrogate halves and non-characters. */
    public String randomUnicode(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> sb.append((char) random.nextInt(0x20));
                case 1 -> sb.append((char) (0x20 + random.nextInt(0x5f)));
                case 2 -> sb.append((char) random.nextInt(0x10000));
                case 3 -> sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> sb.append(oneOf("é", "ß", "中", "ﷺ", "\u200b", "\u2028", "\u0000", "\\", "\"", "/"));
            }
        }
        return sb.toString();
    }

    public Object number() {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextLong();
            case 2 -> random.nextDouble() * Math.pow(10, between(-320, 308));
            case 3 -> -random.nextDouble() * 1e6;
            case 4 -> oneOf(0, -0.0, 1, 70, 5000, 5000.0001, 0.001, 0.0009, Double.MAX_VALUE, Double.MIN_VALUE, Long.MIN_VALUE);
            case 5 -> new java.math.BigInteger(between(64, 400), random);
            case 6 -> new java.math.BigDecimal(new java.math.BigInteger(between(1, 200), random), between(-400, 400));
            default -> between(-5, 100);
        };
    }

    /** Any JSON value, up to the given depth. */
    public Object json(int depth) {
        int kinds = depth <= 0 ? 4 : 6;
        return switch (random.nextInt(kinds)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> number();
            case 3 -> string();
            case 4 -> {
                List<Object> list = new ArrayList<>();
                for (int i = between(0, 5); i > 0; i--) {
                    list.add(json(depth - 1));
                }
                yield list;
            }
            default -> object(depth - 1);
        };
    }

    public Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = between(0, 5); i > 0; i--) {
            map.put(chance(0.6) ? oneOf(KEYS) : string(), json(depth));
        }
        return map;
    }

    /** A JSON document text nested {@code depth} levels deep. */
    public String deeplyNested(int depth) {
        String open = chance(0.5) ? "[" : "{\"value\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(chance(0.8) ? depth : depth / 2);
    }

    /** Bytes that are not JSON, or almost JSON. */
    public byte[] broken(String almost) {
        return switch (random.nextInt(6)) {
            case 0 -> almost.substring(0, random.nextInt(Math.max(1, almost.length()))).getBytes(StandardCharsets.UTF_8);
            case 1 -> {
                byte[] b = new byte[between(1, 300)];
                random.nextBytes(b);
                yield b;
            }
            case 2 -> almost.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 3 -> (almost + oneOf(",", "}", "]", "garbage", "\u0000")).getBytes(StandardCharsets.UTF_8);
            case 4 -> new byte[] {(byte) 0xC3, (byte) 0x28, '{', '"', (byte) 0xFF, '"', ':', '1', '}'};
            default -> oneOf("", " ", "null", "[]", "\"text\"", "42", "{\"flow\":}", "{,}", "{\"a\" 1}", "\uFEFF{}")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A path segment that tries to escape its place: traversal, encoded slashes, NUL, broken escapes, huge ids. */
    public String idTrick() {
        return pick(
                () -> "..", () -> "../flows", () -> "..%2fflows", () -> "%2e%2e", () -> "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                () -> "%00", () -> "a%00b", () -> "%", () -> "%zz", () -> "%c0%ae%c0%ae", () -> "%f0%9f%9a%80",
                () -> "x".repeat(between(100, 3000)), () -> "🤖", () -> "%ED%A0%80", () -> ";jsessionid=1", () -> "a;b=c",
                () -> "?x=1", () -> "#frag", () -> "%23", () -> "..;", () -> "\\..\\", () -> "%5c..%5c", () -> "*",
                () -> "%252e%252e", () -> "a b", () -> "{id}", () -> "\u0000", () -> "'\"<>");
    }

    @SafeVarargs
    private <T> T pick(Supplier<T>... suppliers) {
        return suppliers[random.nextInt(suppliers.length)].get();
    }

    /** A value that is not text, for a field that takes text ({@code "question": ["workload"]}). */
    public Object notText() {
        return pick(() -> List.of(oneOf(NASTY_STRINGS)), () -> number(), () -> random.nextBoolean(), () -> object(1),
                () -> List.of(), () -> Map.of("id", oneOf(NASTY_STRINGS)));
    }

    /** A value that is not true or false, for a field that takes true/false ({@code "explain": "yes"}). */
    public Object notBoolean() {
        return pick(() -> oneOf("yes", "no", "true", "false", "1", "0", "on", ""), () -> oneOf(0, 1, -1, 2.5), () -> List.of(true),
                () -> Map.of("value", true));
    }

    /** A number written as text but not in digits: forms Java's parser reads ({@code "70d"}, {@code "0x1p6"}, {@code "NaN"}) and others. */
    public String numberJavaReads() {
        return oneOf("70d", "70D", "70f", "1.5F", "0x1p6", "0x46p0", "0X1.8p1", "NaN", "Infinity", "-Infinity", " +Infinity ",
                "1e309", "0x1P-2", "7e1d", "70\u0000", "\u0667\u0660", "\uff11\uff12", "70 GB", "seventy");
    }

    /**
     * A JSON object text with one key given twice (at the top or inside a nested object), the second time with
     * another value: a lenient parser keeps one of them, the service must refuse it.
     */
    public String duplicateKey(Map<String, Object> shaped) {
        List<String> keys = new ArrayList<>(shaped.keySet());
        String key = keys.isEmpty() ? "flow" : oneOf(keys);
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> e : shaped.entrySet()) {
            json.append(Api.write(e.getKey())).append(':').append(Api.write(e.getValue())).append(',');
        }
        json.append(Api.write(key)).append(':').append(Api.write(json(1))).append('}');
        return json.toString();
    }

    public String contentType() {
        int pick = random.nextInt(10);
        if (pick < 8) {
            return "application/json";
        }
        return pick == 8 ? null : oneOf("text/plain", "application/x-www-form-urlencoded", "application/xml",
                "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x", "*/*", "application/problem+json",
                "application/json;;", "garbage");
    }
}
