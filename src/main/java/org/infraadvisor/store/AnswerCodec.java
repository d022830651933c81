package org.infraadvisor.store;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Canonical answer values as JSON text and back: numbers read back as doubles, lists as lists of strings. */
@Singleton
public class AnswerCodec {
    private final JsonMapper json;

    public AnswerCodec(JsonMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object read(String valueJson) {
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
}
