package org.infraadvisor.dialogue;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one flow from YAML, keeping line numbers so that every mistake is reported as {@code file:line: what}.
 * Collects all problems of a file instead of stopping at the first.
 */
public final class FlowParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Set<String> FLOW_KEYS = Set.of("id", "title", "description", "questions", "asking");
    private static final Set<String> QUESTION_KEYS =
            Set.of("id", "text", "help", "type", "options", "min", "max", "unit", "maxLength", "askIf", "importance", "why",
                    "whole");

    private final String file;
    private final List<DefinitionProblem> problems = new ArrayList<>();

    private FlowParser(String file) {
        this.file = file;
    }

    /** Parses the file; {@code displayName} is how the file is named in reports (e.g. {@code conversations/x.yaml}). */
    public static Flow parse(Path path, String displayName) {
        try {
            return parse(Files.readString(path), displayName, baseName(path));
        } catch (IOException e) {
            throw new DefinitionException(List.of(new DefinitionProblem(displayName, 0, "cannot read: " + e.getMessage())));
        }
    }

    public static Flow parse(String yaml, String displayName, String defaultId) {
        FlowParser parser = new FlowParser(displayName);
        Flow flow = parser.read(new StringReader(yaml), defaultId);
        if (!parser.problems.isEmpty()) {
            throw new DefinitionException(parser.problems);
        }
        return flow;
    }

    private Flow read(Reader reader, String defaultId) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problem(line, "YAML syntax: " + e.getProblem());
            return null;
        } catch (RuntimeException e) {
            problem(0, "YAML syntax: " + e.getMessage());
            return null;
        }
        if (!(root instanceof MappingNode map)) {
            problem(root == null ? 1 : line(root), "a flow file must be a mapping with 'id', 'title' and 'questions'");
            return null;
        }
        Map<String, Node> fields = fields(map, FLOW_KEYS, "flow");
        String id = scalar(fields.get("id"), "id");
        if (id == null) {
            id = defaultId;
        } else if (!id.equals(defaultId)) {
            problem(line(fields.get("id")), "flow id '%s' must match the file name '%s'".formatted(id, defaultId));
        }
        Node questionsNode = fields.get("questions");
        List<Question> questions = new ArrayList<>();
        if (!(questionsNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(questionsNode == null ? line(map) : line(questionsNode), "'questions' must be a non-empty list");
        } else {
            Map<String, Question> earlier = new LinkedHashMap<>();
            for (Node qn : seq.getValue()) {
                Question q = question(qn, earlier);
                if (q != null) {
                    if (earlier.containsKey(q.id())) {
                        problem(q.line(), "question id '%s' is used twice".formatted(q.id()));
                    }
                    earlier.put(q.id(), q);
                    questions.add(q);
                }
            }
        }
        String title = scalar(fields.get("title"), "title");
        AskingPolicy asking = new AskingPolicyReader(this::problem, questionsById(questions)).read(fields.get("asking"));
        return new Flow(id, title == null ? id : title, scalar(fields.get("description"), "description"), file,
                List.copyOf(questions), asking);
    }

    private Question question(Node node, Map<String, Question> earlier) {
        if (!(node instanceof MappingNode map)) {
            problem(line(node), "each question must be a mapping with at least 'id', 'text' and 'type'");
            return null;
        }
        int line = line(map);
        Map<String, Node> f = fields(map, QUESTION_KEYS, "question");
        String id = scalar(f.get("id"), "id");
        if (id == null || !ID.matcher(id).matches()) {
            problem(line, "question needs an 'id' of lower-case letters, digits, '_' or '-' (got %s)".formatted(id));
            return null;
        }
        String text = scalar(f.get("text"), "text");
        if (text == null || text.isBlank()) {
            problem(line, "question '%s' needs a 'text'".formatted(id));
        }
        String typeName = scalar(f.get("type"), "type");
        QuestionType type = typeName == null ? null : QuestionType.fromJsonName(typeName);
        if (type == null) {
            problem(f.containsKey("type") ? line(f.get("type")) : line,
                    "question '%s' has type %s; expected one of choice, multi, number, boolean, text".formatted(id, typeName));
            return null;
        }
        List<Option> options = options(id, type, f.get("options"), line);
        Double min = number(f.get("min"), "min");
        Double max = number(f.get("max"), "max");
        if (min != null && max != null && min > max) {
            problem(line(f.get("min")), "question '%s' has min %s above max %s".formatted(id, min, max));
        }
        Double maxLength = number(f.get("maxLength"), "maxLength");
        Condition askIf = condition(id, f.get("askIf"), earlier);
        Double importance = number(f.get("importance"), "importance");
        if (importance != null && (importance < 0 || importance > 10)) {
            problem(line(f.get("importance")), "question '%s' has importance %s; expected 0 to 10".formatted(id, importance));
        }
        boolean whole = whole(id, type, f.get("whole"), min, max);
        return new Question(id, text, scalar(f.get("help"), "help"), type, options, min, max,
                scalar(f.get("unit"), "unit"), maxLength == null ? null : maxLength.intValue(), askIf, line,
                importance == null ? Question.DEFAULT_IMPORTANCE : importance, scalar(f.get("why"), "why"), whole);
    }

    /** {@code whole: true}: a number question answered with a whole number; its bounds must be whole too. */
    private boolean whole(String id, QuestionType type, Node node, Double min, Double max) {
        String value = scalar(node, "whole");
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            problem(line(node), "question '%s' has whole: %s; expected true or false".formatted(id, value));
            return false;
        }
        boolean whole = value.equals("true");
        if (whole && type != QuestionType.NUMBER) {
            problem(line(node), "question '%s' has whole: true, which only a number question takes".formatted(id));
        } else if (whole && (min != null && min != Math.rint(min) || max != null && max != Math.rint(max))) {
            problem(line(node), "question '%s' takes whole numbers, so its min and max must be whole numbers too".formatted(id));
        }
        return whole;
    }

    private List<Option> options(String id, QuestionType type, Node node, int line) {
        boolean needsOptions = type == QuestionType.CHOICE || type == QuestionType.MULTI;
        if (node == null) {
            if (needsOptions) {
                problem(line, "question '%s' of type %s needs 'options'".formatted(id, type.jsonName()));
            }
            return List.of();
        }
        if (!needsOptions) {
            problem(line(node), "question '%s' of type %s takes no 'options'".formatted(id, type.jsonName()));
            return List.of();
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(line(node), "'options' of question '%s' must be a non-empty list".formatted(id));
            return List.of();
        }
        List<Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node on : seq.getValue()) {
            if (!(on instanceof MappingNode om)) {
                problem(line(on), "an option of question '%s' must have 'value' and 'label'".formatted(id));
                continue;
            }
            Map<String, Node> of = fields(om, Set.of("value", "label"), "option");
            String value = scalar(of.get("value"), "value");
            if (value == null || value.isBlank()) {
                problem(line(on), "an option of question '%s' has no 'value'".formatted(id));
                continue;
            }
            if (AnswerValues.UNKNOWN.equals(value)) {
                problem(line(on), "option value 'unknown' of question '%s' is reserved: every question accepts it already".formatted(id));
                continue;
            }
            if (!seen.add(value)) {
                problem(line(on), "option value '%s' appears twice in question '%s'".formatted(value, id));
            }
            String label = scalar(of.get("label"), "label");
            options.add(new Option(value, label == null ? value : label));
        }
        return List.copyOf(options);
    }

    private Condition condition(String id, Node node, Map<String, Question> earlier) {
        if (node == null) {
            return Condition.ALWAYS;
        }
        if (!(node instanceof MappingNode map)) {
            problem(line(node), "'askIf' of question '%s' must map earlier question ids to values".formatted(id));
            return Condition.ALWAYS;
        }
        List<Condition.Clause> clauses = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            String ref = scalar(t.getKeyNode(), "askIf key");
            Question target = earlier.get(ref);
            if (target == null) {
                problem(line(t.getKeyNode()), "'askIf' of question '%s' refers to '%s', which is not an earlier question".formatted(id, ref));
                continue;
            }
            Node v = t.getValueNode();
            if (v instanceof MappingNode range) {
                Map<String, Node> rf = fields(range, Set.of("min", "max"), "range");
                clauses.add(new Condition.Clause(ref, List.of(), number(rf.get("min"), "min"), number(rf.get("max"), "max")));
                continue;
            }
            List<String> values = new ArrayList<>();
            List<Node> items = v instanceof SequenceNode s ? s.getValue() : List.of(v);
            for (Node item : items) {
                String value = scalar(item, "askIf value");
                if (value != null && !target.offers(value) && !(target.type() == QuestionType.BOOLEAN)) {
                    problem(line(item), "'askIf' of question '%s' tests '%s' = '%s', which question '%s' does not offer"
                            .formatted(id, ref, value, ref));
                }
                values.add(value);
            }
            clauses.add(new Condition.Clause(ref, List.copyOf(values), null, null));
        }
        return new Condition(List.copyOf(clauses));
    }

    private static Map<String, Question> questionsById(List<Question> questions) {
        Map<String, Question> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.putIfAbsent(q.id(), q));
        return byId;
    }

    private Map<String, Node> fields(MappingNode map, Set<String> allowed, String what) {
        return YamlNodes.fields(map, allowed, what, this::problem);
    }

    private String scalar(Node node, String name) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(line(node), "'%s' must be a single value".formatted(name));
        return null;
    }

    private Double number(Node node, String name) {
        String s = scalar(node, name);
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            problem(line(node), "'%s' must be a number, got '%s'".formatted(name, s));
            return null;
        }
    }

    private void problem(int line, String message) {
        problems.add(new DefinitionProblem(file, line, message));
    }

    private static int line(Node node) {
        return YamlNodes.line(node);
    }

    private static String baseName(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
