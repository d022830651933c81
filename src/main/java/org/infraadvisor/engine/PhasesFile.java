package org.infraadvisor.engine;

import org.infraadvisor.dialogue.DefinitionProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code rules/phases.yaml}: the phases (Drools agenda groups) of the rule set, in the order the engine runs them.
 * <pre>
 * phases:
 *   - inputs      # answers become facts
 *   - needs
 * </pre>
 */
final class PhasesFile {

    static final String FILE = "phases.yaml";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private PhasesFile() {
    }

    static List<String> parse(String file, String yaml, List<DefinitionProblem> problems) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            problems.add(new DefinitionProblem(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    "YAML syntax: " + e.getProblem()));
            return List.of();
        }
        if (root instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("phases") && t.getValueNode() instanceof SequenceNode seq) {
                    List<String> phases = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    for (Node n : seq.getValue()) {
                        int line = n.getStartMark().getLine() + 1;
                        String name = n instanceof ScalarNode s ? s.getValue() : null;
                        if (name == null || !NAME.matcher(name).matches()) {
                            problems.add(new DefinitionProblem(file, line, "a phase is a kebab-case name, got " + name));
                        } else if (!seen.add(name)) {
                            problems.add(new DefinitionProblem(file, line, "phase '%s' is listed twice".formatted(name)));
                        } else {
                            phases.add(name);
                        }
                    }
                    return List.copyOf(phases);
                }
            }
        }
        problems.add(new DefinitionProblem(file, 1, "expected a list of phase names under 'phases'"));
        return List.of();
    }
}
