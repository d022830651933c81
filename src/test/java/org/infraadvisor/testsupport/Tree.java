package org.infraadvisor.testsupport;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML (or JSON) document of maps, lists and scalars, read by key and index without casts: the deployment
 * manifests, the Slack app manifest and the OpenAPI document. A value of another shape than asked for fails the test.
 */
public record Tree(Object value) {

    public static Tree yaml(String text) {
        return new Tree(new Yaml().load(text));
    }

    public static Tree yaml(Path file) {
        try {
            return yaml(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Follows keys (and, where the node is a list, indexes written as numbers). */
    public Tree at(String... path) {
        Tree node = this;
        for (String step : path) {
            node = node.value instanceof List<?> list ? new Tree(list.get(Integer.parseInt(step))) : node.get(step);
        }
        return node;
    }

    public Tree get(String key) {
        if (value instanceof Map<?, ?> map) {
            return new Tree(map.get(key));
        }
        throw new AssertionError("not an object, so no '" + key + "': " + value);
    }

    public boolean has(String key) {
        return value instanceof Map<?, ?> map && map.containsKey(key);
    }

    public Map<String, Tree> map() {
        if (value instanceof Map<?, ?> map) {
            Map<String, Tree> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(String.valueOf(k), new Tree(v)));
            return entries;
        }
        throw new AssertionError("not an object: " + value);
    }

    public List<Tree> list() {
        if (value instanceof List<?> list) {
            return list.stream().map(Tree::new).toList();
        }
        throw new AssertionError("not a list: " + value);
    }

    /** A list of text, or of anything written as text. */
    public List<String> strings() {
        List<String> strings = new ArrayList<>();
        list().forEach(t -> strings.add(t.string()));
        return strings;
    }

    public String string() {
        if (value instanceof String s) {
            return s;
        }
        throw new AssertionError("not text: " + value);
    }

    public int integer() {
        if (value instanceof Integer i) {
            return i;
        }
        throw new AssertionError("not a whole number: " + value);
    }

    public boolean bool() {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new AssertionError("not true or false: " + value);
    }
}
