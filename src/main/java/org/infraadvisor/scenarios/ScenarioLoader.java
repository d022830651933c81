package org.infraadvisor.scenarios;

import org.infraadvisor.dialogue.DefinitionException;
import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.dialogue.YamlNodes;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every {@code *.yaml} scenario file of a folder (one scenario per file). All mistakes of all files are
 * collected and reported together as {@code file:line: what}; nothing half-read comes back.
 */
public final class ScenarioLoader {

    /** {@code sources}: ids of docs/sources.md the profile is modelled on (checked by the knowledge base's tests). */
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "flow", "answers", "expect", "sources");
    private static final Set<String> EXPECT_KEYS = Set.of("strategy", "strategyOneOf", "topAcceleratorOneOf",
            "acceleratorsInclude", "acceleratorsExclude", "risks", "noRisks", "readiness", "minConfidence", "maxConfidence",
            "followUps", "plan", "acceleratorCounts", "sizing");
    private static final Set<String> STRATEGIES = Set.copyOf(org.infraadvisor.facts.StrategyVote.STRATEGIES);
    private static final Set<String> STATUSES = Set.of("ready", "gap", "blocker");
    public static final String DEFAULT_FLOW = "infra-strategy";

    private final String file;
    private final List<DefinitionProblem> problems;

    private ScenarioLoader(String file, List<DefinitionProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Loads all scenarios below {@code dir}, in file-name order. */
    public static List<Scenario> load(Path dir) {
        List<DefinitionProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new DefinitionException(List.of(new DefinitionProblem(display(dir), 0, "scenario folder not found")));
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".yaml")).sorted().toList()) {
                String name = display(dir.getFileName() == null ? p : dir.getFileName().resolve(dir.relativize(p)));
                Scenario s = parse(Files.readString(p, StandardCharsets.UTF_8), name, problems);
                if (s != null) {
                    scenarios.add(s);
                }
            }
        } catch (IOException e) {
            problems.add(new DefinitionProblem(display(dir), 0, "cannot read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return List.copyOf(scenarios);
    }

    /** Parses one scenario; problems are added to {@code problems} with {@code file} and line. */
    public static Scenario parse(String yaml, String file, List<DefinitionProblem> problems) {
        return new ScenarioLoader(file, problems).read(yaml);
    }

    private Scenario read(String yaml) {
        int before = problems.size();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            problem(e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, "YAML syntax: " + e.getProblem());
            return null;
        } catch (RuntimeException e) {
            problem(0, "YAML syntax: " + e.getMessage());
            return null;
        }
        if (!(root instanceof MappingNode map)) {
            problem(root == null ? 1 : line(root), "a scenario must be a mapping with 'name', 'answers' and 'expect'");
            return null;
        }
        Map<String, Node> top = fields(map, TOP_KEYS, "scenario");
        strings(top.get("sources"), "sources");
        String name = text(top.get("name"), "name");
        if (name == null || name.isBlank()) {
            problem(line(map), "a scenario needs a 'name'");
        }
        String flow = top.containsKey("flow") ? text(top.get("flow"), "flow") : DEFAULT_FLOW;
        Map<String, Object> answers = new LinkedHashMap<>();
        Map<String, Integer> answerLines = new LinkedHashMap<>();
        Node answersNode = top.get("answers");
        if (answersNode instanceof MappingNode am) {
            for (NodeTuple t : am.getValue()) {
                String question = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
                Object value = value(t.getValueNode());
                if (question == null || value == null) {
                    problem(line(t.getKeyNode()), "each answer must be 'question_id: value'");
                    continue;
                }
                answers.put(question, value);
                answerLines.put(question, line(t.getKeyNode()));
            }
        } else if (answersNode != null) {
            problem(line(answersNode), "'answers' must map question ids to values");
        }
        Expectations expect = expectations(top.get("expect"), line(map));
        if (problems.size() > before) {
            return null;
        }
        return new Scenario(name, text(top.get("description"), "description"), flow, file, line(map),
                Map.copyOf(answers), Map.copyOf(answerLines), expect);
    }

    private Expectations expectations(Node node, int scenarioLine) {
        if (!(node instanceof MappingNode map)) {
            problem(node == null ? scenarioLine : line(node), "a scenario needs an 'expect' mapping");
            return null;
        }
        Map<String, Node> f = fields(map, EXPECT_KEYS, "expect");
        List<String> strategies = new ArrayList<>(strings(f.get("strategy"), "strategy"));
        strategies.addAll(strings(f.get("strategyOneOf"), "strategyOneOf"));
        for (String s : strategies) {
            if (!STRATEGIES.contains(s)) {
                problem(line(f.getOrDefault("strategy", f.get("strategyOneOf"))), "unknown strategy '%s'; expected one of %s"
                        .formatted(s, STRATEGIES.stream().sorted().toList()));
            }
        }
        Map<String, String> readiness = new LinkedHashMap<>();
        if (f.get("readiness") instanceof MappingNode rm) {
            for (NodeTuple t : rm.getValue()) {
                String pillar = text(t.getKeyNode(), "readiness pillar");
                String status = text(t.getValueNode(), "readiness status");
                if (status != null && !STATUSES.contains(status)) {
                    problem(line(t.getValueNode()), "readiness status '%s' is not one of %s".formatted(status, STATUSES.stream().sorted().toList()));
                }
                readiness.put(pillar, status);
            }
        } else if (f.containsKey("readiness")) {
            problem(line(f.get("readiness")), "'readiness' must map pillars to ready, gap or blocker");
        }
        return new Expectations(List.copyOf(strategies), strings(f.get("topAcceleratorOneOf"), "topAcceleratorOneOf"),
                strings(f.get("acceleratorsInclude"), "acceleratorsInclude"), strings(f.get("acceleratorsExclude"), "acceleratorsExclude"),
                strings(f.get("risks"), "risks"), strings(f.get("noRisks"), "noRisks"), Map.copyOf(readiness),
                number(f.get("minConfidence"), "minConfidence"), number(f.get("maxConfidence"), "maxConfidence"),
                strings(f.get("followUps"), "followUps"), strings(f.get("plan"), "plan"),
                ranges(f.get("acceleratorCounts"), "acceleratorCounts"), ranges(f.get("sizing"), "sizing"));
    }

    /** A map of name to [min, max]; a single number means exactly that value. */
    private Map<String, List<Double>> ranges(Node node, String what) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof MappingNode map)) {
            problem(line(node), "'%s' must map names to [min, max]".formatted(what));
            return Map.of();
        }
        Map<String, List<Double>> ranges = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = text(t.getKeyNode(), what);
            Node v = t.getValueNode();
            List<Node> items = v instanceof SequenceNode s ? s.getValue() : List.of(v, v);
            if (items.size() != 2) {
                problem(line(v), "'%s' of '%s' must be [min, max]".formatted(what, key));
                continue;
            }
            Double min = number(items.get(0), what);
            Double max = number(items.get(1), what);
            if (min != null && max != null) {
                ranges.put(key, List.of(min, max));
            }
        }
        return ranges;
    }

    private List<String> strings(Node node, String what) {
        if (node == null) {
            return List.of();
        }
        List<Node> items = node instanceof SequenceNode s ? s.getValue() : List.of(node);
        List<String> values = new ArrayList<>();
        for (Node item : items) {
            String v = text(item, what);
            if (v != null) {
                values.add(v);
            }
        }
        return List.copyOf(values);
    }

    private Double number(Node node, String what) {
        String s = text(node, what);
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.replace("_", ""));
        } catch (NumberFormatException e) {
            problem(line(node), "'%s' must be a number, got '%s'".formatted(what, s));
            return null;
        }
    }

    private String text(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(line(node), "'%s' must be a single value".formatted(what));
        return null;
    }

    /** An answer value: a number, text, or a list of texts (for multi-choice questions). */
    private Object value(Node node) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            String tag = s.getTag().getValue();
            if (tag.endsWith(":int") || tag.endsWith(":float")) {
                try {
                    return Double.parseDouble(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    problem(line(node), "'%s' is not a number".formatted(v));
                    return null;
                }
            }
            if (tag.endsWith(":bool")) {
                return Boolean.parseBoolean(v) || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on");
            }
            return v;
        }
        if (node instanceof SequenceNode seq) {
            List<String> values = new ArrayList<>();
            for (Node item : seq.getValue()) {
                values.add(text(item, "answer"));
            }
            return values;
        }
        problem(line(node), "an answer must be a value or a list of values");
        return null;
    }

    private Map<String, Node> fields(MappingNode map, Set<String> allowed, String what) {
        return YamlNodes.fields(map, allowed, what, this::problem);
    }

    private void problem(int line, String message) {
        problems.add(new DefinitionProblem(file, line, message));
    }

    private static int line(Node node) {
        return YamlNodes.line(node);
    }

    private static String display(Path p) {
        return p.toString().replace('\\', '/');
    }
}
