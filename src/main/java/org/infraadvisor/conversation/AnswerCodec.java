package org.infraadvisor.conversation;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Stores canonical answer values and recommendations as JSON text and reads them back. */
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

    public <T> T readObject(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
