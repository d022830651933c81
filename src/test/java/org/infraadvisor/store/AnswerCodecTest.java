package org.infraadvisor.store;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The codec's shortcuts write and read exactly what the JSON mapper writes and reads. */
class AnswerCodecTest {

    private final ObjectMapper mapper = ObjectMapper.getDefault();
    private final AnswerCodec codec = new AnswerCodec(mapper);

    private static final List<Object> VALUES = List.of("cloud-first", "unknown", "", " ", "a\"b", "back\\slash", "tab\there",
            "new\nline", "\u0001", "<script>/</script>", "it's", "~`!@#$%^&*()_+={}[]|:;,.?", "Zürich", "日本", "😀", 0.0, -0.0, 1.0, 12.0, 0.1, 2.5, -7.25, 1e7, 1.0e-5, 123456789.0, 1e20, 9.007199254740993e15, Double.MIN_VALUE,
            Double.MAX_VALUE, true, false, List.of("a", "b"), List.of());

    @Test
    void writesWhatTheMapperWrites() throws IOException {
        for (Object value : VALUES) {
            assertEquals(mapper.writeValueAsString(value), codec.write(value), () -> "writing " + value);
        }
    }

    @Test
    void readsWhatTheMapperReads() throws IOException {
        List<String> stored = new ArrayList<>();
        for (Object value : VALUES) {
            stored.add(mapper.writeValueAsString(value));
        }
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            double any = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(any)) {
                stored.add(mapper.writeValueAsString(any));
            }
            stored.add(mapper.writeValueAsString(Math.round(random.nextDouble() * 1e6) / 100.0));
        }
        // written by earlier versions or by hand: integers, a long one, exponents, a number in a string
        stored.addAll(List.of("12", "-3", "0", "1234567890123456789", "1E3", "2.5e-3", "\"42\"", "[\"x\"]", "[1, 2]", "true"));
        for (String json : stored) {
            assertEquals(viaMapper(json), codec.read(json), () -> "reading " + json);
        }
    }

    @Test
    void readsBackWhatItWrites() {
        for (Object value : VALUES) {
            Object expected = value instanceof List<?> l ? l : value;
            assertEquals(expected, codec.read(codec.write(value)), () -> "round trip of " + value);
        }
    }

    private Object viaMapper(String json) throws IOException {
        Object v = mapper.readValue(json, Object.class);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v;
    }
}
