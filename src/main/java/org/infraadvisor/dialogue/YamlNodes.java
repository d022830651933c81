package org.infraadvisor.dialogue;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the YAML readers of flows and scenarios share: line numbers of nodes and checked mapping fields. */
public final class YamlNodes {

    /** Receives a problem found at a line of the file being read. */
    @FunctionalInterface
    public interface Problems {
        void add(int line, String message);
    }

    private YamlNodes() {
    }

    /** The 1-based line where a node starts, 0 when unknown. */
    public static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** The fields of a mapping by key; a key not in {@code allowed} is reported (it is usually a typo) and skipped. */
    public static Map<String, Node> fields(MappingNode map, Set<String> allowed, String what, Problems problems) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                problems.add(line(t.getKeyNode()), "unknown %s field '%s'; allowed: %s".formatted(what, key, allowed.stream().sorted().toList()));
                continue;
            }
            fields.put(key, t.getValueNode());
        }
        return fields;
    }
}
