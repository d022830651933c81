package org.infraadvisor.testsupport;

import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a JSON text (which keys an object has), for the few tests that check the wire format itself: a typed
 * response record cannot tell an absent key from a null one, nor see a key it does not declare.
 */
public final class JsonShape {

    private JsonShape() {
    }

    public static JsonNode tree(String json) {
        return Api.read(json, JsonNode.class);
    }

    public static Set<String> keys(JsonNode object) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : object.entries()) {
            keys.add(e.getKey());
        }
        return keys;
    }

    /** The elements of a JSON array. */
    public static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.values().forEach(elements::add);
        return elements;
    }
}
