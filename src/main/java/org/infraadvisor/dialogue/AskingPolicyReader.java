package org.infraadvisor.dialogue;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code asking:} block of a flow file into an {@link AskingPolicy}, reporting mistakes with their line. */
final class AskingPolicyReader {

    private static final Set<String> KEYS = Set.of("pinned", "tieBreak", "samples");

    private final YamlNodes.Problems problems;
    private final Map<String, Question> questions;

    AskingPolicyReader(YamlNodes.Problems problems, Map<String, Question> questions) {
        this.problems = problems;
        this.questions = questions;
    }

    AskingPolicy read(Node node) {
        if (node == null) {
            return AskingPolicy.DEFAULT;
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(YamlNodes.line(node), "'asking' must be a mapping with 'pinned', 'tieBreak' and/or 'samples'");
            return AskingPolicy.DEFAULT;
        }
        Map<String, Node> fields = YamlNodes.fields(map, KEYS, "asking", problems);
        return new AskingPolicy(questionIds(fields.get("pinned"), "pinned"), questionIds(fields.get("tieBreak"), "tieBreak"),
                samples(fields.get("samples")));
    }

    private List<String> questionIds(Node node, String name) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.add(YamlNodes.line(node), "'asking.%s' must be a list of question ids".formatted(name));
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Node item : seq.getValue()) {
            String id = item instanceof ScalarNode s ? s.getValue() : null;
            if (id == null || !questions.containsKey(id)) {
                problems.add(YamlNodes.line(item), "'asking.%s' lists '%s', which is not a question of this flow".formatted(name, id));
            } else if (!ids.add(id)) {
                problems.add(YamlNodes.line(item), "'asking.%s' lists '%s' twice".formatted(name, id));
            }
        }
        return List.copyOf(ids);
    }

    private Map<String, List<Double>> samples(Node node) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(YamlNodes.line(node), "'asking.samples' must map number questions to lists of values");
            return Map.of();
        }
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String id = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            Question q = questions.get(id);
            int line = YamlNodes.line(t.getKeyNode());
            if (q == null || q.type() != QuestionType.NUMBER) {
                problems.add(line, "'asking.samples' has values for '%s', which is not a number question of this flow".formatted(id));
                continue;
            }
            List<Double> values = numbers(q, t.getValueNode());
            if (!values.isEmpty()) {
                samples.put(id, values);
            }
        }
        return Map.copyOf(samples);
    }

    private List<Double> numbers(Question q, Node node) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(YamlNodes.line(node), "'asking.samples.%s' must be a non-empty list of numbers".formatted(q.id()));
            return List.of();
        }
        List<Double> values = new ArrayList<>();
        for (Node item : seq.getValue()) {
            String text = item instanceof ScalarNode s ? s.getValue() : String.valueOf(item);
            double d;
            try {
                d = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                problems.add(YamlNodes.line(item), "'asking.samples.%s' holds '%s', which is not a number".formatted(q.id(), text));
                continue;
            }
            if (q.min() != null && d < q.min() || q.max() != null && d > q.max()) {
                problems.add(YamlNodes.line(item), "'asking.samples.%s' holds %s, outside the question's range %s to %s"
                        .formatted(q.id(), AnswerValues.format(d), AnswerValues.format(q.min()), AnswerValues.format(q.max())));
                continue;
            }
            if (q.whole() && d != Math.rint(d)) {
                problems.add(YamlNodes.line(item), "'asking.samples.%s' holds %s, but the question takes whole numbers"
                        .formatted(q.id(), AnswerValues.format(d)));
                continue;
            }
            values.add(d);
        }
        return List.copyOf(values);
    }
}
