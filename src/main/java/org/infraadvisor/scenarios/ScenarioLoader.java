package org.infraadvisor.scenarios;

import org.infraadvisor.dialogue.DefinitionException;
import org.infraadvisor.dialogue.DefinitionProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every {@code *.yaml} scenario below a folder: {@code name}, {@code flow} (default infra-strategy),
 * {@code answers}, and {@code expect: {strategy: …}} or {@code expect: {strategyOneOf: […]}}.
 * Minimal stand-in for the knowledge base's loader; problems are reported with file and line.
 */
public final class ScenarioLoader {

    public static final String DEFAULT_FLOW = "infra-strategy";

    private ScenarioLoader() {
    }

    public static List<Scenario> load(Path dir) {
        List<DefinitionProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        String base = dir.getFileName() == null ? "" : dir.getFileName() + "/";
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".yaml")).sorted().toList()) {
                String file = base + dir.relativize(p).toString().replace('\\', '/');
                Scenario s = parse(Files.readString(p, StandardCharsets.UTF_8), file, problems);
                if (s != null) {
                    scenarios.add(s);
                }
            }
        } catch (IOException e) {
            problems.add(new DefinitionProblem(dir.toString(), 0, "cannot read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return List.copyOf(scenarios);
    }

    @SuppressWarnings("unchecked")
    static Scenario parse(String yaml, String file, List<DefinitionProblem> problems) {
        Object root;
        try {
            root = new Yaml(new LoaderOptions()).load(yaml);
        } catch (MarkedYAMLException e) {
            problems.add(new DefinitionProblem(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    "YAML syntax: " + e.getProblem()));
            return null;
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)
                || !(map.get("answers") instanceof Map<?, ?> answers)) {
            problems.add(new DefinitionProblem(file, 1, "a scenario needs 'name' and 'answers'"));
            return null;
        }
        List<String> strategies = new ArrayList<>();
        if (map.get("expect") instanceof Map<?, ?> expect) {
            if (expect.get("strategy") instanceof String s) {
                strategies.add(s);
            }
            if (expect.get("strategyOneOf") instanceof List<?> l) {
                l.forEach(v -> strategies.add(String.valueOf(v)));
            }
        }
        String flow = map.get("flow") instanceof String f ? f : DEFAULT_FLOW;
        return new Scenario(name, flow, file, 1, new LinkedHashMap<>((Map<String, Object>) answers), List.copyOf(strategies));
    }
}
