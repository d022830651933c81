package org.infraadvisor.docs;

import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.infraadvisor.openapi.ApiDocument;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation tells the truth: links lead somewhere, tables render and name each thing once, README's
 * configuration table matches application.yml, README's API table matches what the service serves, and no file
 * names a path of somebody's machine.
 */
@MicronautTest
class DocsTest {

    static final Path README = Path.of("README.md");
    static final Set<String> NOT_OURS = Set.of(".git", "target", "data", "node_modules", "results");
    static final Pattern LINK = Pattern.compile("]\\(([^)#\\s]+)(#[^)]*)?\\)");
    static final Pattern SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$");
    /** Home and work folders of Linux, macOS and Windows machines (written so that this file does not match itself). */
    static final Pattern MACHINE_PATH = Pattern.compile("(?<![\\w.])/(work|home|root|Users)/|(?<![\\w])[A-Z]:\\\\[A-Za-z]");
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    static final Pattern ENV = Pattern.compile("[A-Z][A-Z0-9_]+");

    @Inject
    Router router;

    /** The project's own files (not build output, databases or benchmark results). */
    static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("."))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> Stream.iterate(p.getParent(), d -> d != null, Path::getParent)
                            .noneMatch(d -> d.getFileName() != null && NOT_OURS.contains(d.getFileName().toString())))
                    .map(p -> Path.of(".").relativize(p)).sorted().toList();
        }
    }

    record Table(Path file, int line, List<List<String>> rows) {
        /** Rows after the header and separator, as cells. */
        List<List<String>> body() {
            return rows.subList(Math.min(2, rows.size()), rows.size());
        }
    }

    /** The tables of a Markdown file (outside code blocks), each as its raw rows. */
    static List<Table> tables(Path file) throws IOException {
        List<Table> tables = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        boolean code = false;
        List<String> block = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.strip().startsWith("```")) {
                code = !code;
            }
            if (!code && line.stripLeading().startsWith("|")) {
                if (block.isEmpty()) {
                    start = i + 1;
                }
                block.add(line);
                continue;
            }
            if (!block.isEmpty()) {
                tables.add(new Table(file, start, block.stream().map(DocsTest::cells).toList()));
                block = new ArrayList<>();
            }
        }
        return tables;
    }

    static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            spans.add(m.group(1));
        }
        return spans;
    }

    @Test
    void relativeLinksLeadToFilesOfTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : files(".md")) {
            Matcher m = LINK.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("^[a-z]+:.*") && !Files.exists(file.resolveSibling(target).normalize())) {
                    broken.add(file + " → " + target);
                }
            }
        }
        assertThat(files(".md")).contains(README, Path.of("docs/operations.md"));
        assertThat(broken).isEmpty();
    }

    @Test
    void tablesRenderAndNameEachThingOnce() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(".md")) {
            for (Table table : tables(file)) {
                String where = file + ":" + table.line();
                if (table.rows().size() < 2 || !SEPARATOR.matcher(String.join("|", table.rows().get(1))).matches()
                        && !SEPARATOR.matcher("|" + String.join("|", table.rows().get(1)) + "|").matches()) {
                    problems.add(where + ": no separator row under the header, so it does not render");
                    continue;
                }
                Set<String> seen = new LinkedHashSet<>();
                for (List<String> row : table.body()) {
                    if (row.size() != table.rows().get(0).size()) {
                        problems.add(where + ": a row with " + row.size() + " cells under a header of " + table.rows().get(0).size());
                    }
                    String first = row.get(0);
                    if (first.contains("`") && !seen.add(first)) {
                        problems.add(where + ": " + first + " is listed twice");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noFileNamesAPathOfSomebodysMachine() throws IOException {
        List<String> found = new ArrayList<>();
        for (String suffix : List.of(".md", ".java", ".yml", ".yaml", ".drl", ".xml", ".sh", ".js", ".css", ".html", ".properties", ".lua")) {
            for (Path file : files(suffix)) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(file);
                } catch (MalformedInputException e) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (MACHINE_PATH.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** Every leaf key of application.yml, dotted. */
    static Set<String> applicationKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        flatten("", new Yaml().load(Files.readString(Path.of("src/main/resources/application.yml"))), keys);
        return keys;
    }

    static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, keys));
        } else {
            keys.add(prefix);
        }
    }

    /** README's configuration table: each key (with {@code .x} shorthands expanded) → the environment variables named. */
    static Map<String, List<String>> readmeConfiguration() throws IOException {
        Table table = tables(README).stream().filter(t -> t.rows().get(0).get(0).startsWith("Key")).findFirst().orElseThrow();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (List<String> row : table.body()) {
            String parent = null;
            List<String> envs = new ArrayList<>();
            List<String> rowKeys = new ArrayList<>();
            for (String span : codeSpans(row.get(0))) {
                if (KEY.matcher(span).matches()) {
                    rowKeys.add(span);
                    parent = span.substring(0, span.lastIndexOf('.'));
                } else if (span.startsWith(".") && parent != null) {
                    rowKeys.add(parent + span);
                } else if (ENV.matcher(span).matches()) {
                    envs.add(span);
                } else if (span.startsWith("_") && !envs.isEmpty()) {
                    String last = envs.get(envs.size() - 1);
                    envs.add(last.substring(0, last.lastIndexOf('_')) + span);
                }
            }
            if (rowKeys.isEmpty()) {
                envs.forEach(e -> keys.put("(environment) " + e, List.of(e)));
            }
            rowKeys.forEach(k -> keys.put(k, envs));
        }
        return keys;
    }

    @Test
    void readmesConfigurationTableMatchesApplicationYml() throws IOException {
        Set<String> yml = applicationKeys();
        String resources = Files.readString(Path.of("src/main/resources/application.yml"))
                + Files.readString(Path.of("src/main/resources/logback.xml"));
        Map<String, List<String>> documented = readmeConfiguration();
        assertThat(documented).containsKeys("advisor.rules.dir", "advisor.admin.token", "datasources.default.password");
        documented.forEach((key, envs) -> {
            if (key.startsWith("(environment) ")) {
                assertThat(resources).as("%s is read by the service", key).contains(envs.get(0));
                return;
            }
            assertThat(yml).as("README documents %s; application.yml must set it (its default)", key).contains(key);
            // the row's environment variables: each is the relaxed form of one of the row's keys, or one application.yml reads
            Set<String> relaxed = documented.entrySet().stream().filter(e -> e.getValue() == envs)
                    .map(e -> e.getKey().toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")).collect(Collectors.toSet());
            for (String env : envs) {
                assertThat(relaxed.contains(env) || resources.contains("${" + env + ":"))
                        .as("%s: %s is neither its environment variable nor one application.yml reads", key, env).isTrue();
            }
        });

        String docs = files(".md").stream().map(DocsTest::read).collect(Collectors.joining("\n"));
        List<String> undocumented = yml.stream().filter(k -> k.startsWith("advisor."))
                .filter(k -> !documented.containsKey(k) && !Pattern.compile("`" + Pattern.quote(k) + "(?![\\w.-])").matcher(docs).find()).toList();
        assertThat(undocumented).as("advisor.* keys of application.yml that neither README nor docs/ explain").isEmpty();
    }

    /** README's API table: "METHOD /path" for each path a row names (suffix shorthands such as {@code .pdf} expanded). */
    static List<String> readmeEndpoints() throws IOException {
        Table table = tables(README).stream().filter(t -> t.rows().get(0).get(0).startsWith("Method")).findFirst().orElseThrow();
        List<String> endpoints = new ArrayList<>();
        for (List<String> row : table.body()) {
            String method = null;
            String last = null;
            for (String span : codeSpans(row.get(0))) {
                String path;
                if (span.matches("[A-Z]+ /.*")) {
                    method = span.substring(0, span.indexOf(' '));
                    path = span.substring(span.indexOf(' ') + 1);
                } else if (span.startsWith("/") && method != null) {
                    path = span;
                } else if (span.matches("\\.\\w+") && last != null) {
                    path = last.substring(0, last.lastIndexOf('.')) + span;
                } else {
                    continue; // a request body
                }
                path = path.replaceAll("\\?.*", "");
                endpoints.add(method + " " + path);
                last = path;
            }
        }
        return endpoints;
    }

    @Test
    void readmesApiTableMatchesWhatTheServiceServes() throws IOException {
        List<String> readme = readmeEndpoints();
        assertThat(readme).contains("POST /api/conversations", "GET /api/conversations/{id}/report.pdf", "GET /widget.js");
        assertThat(readme).as("each endpoint in one row").doesNotHaveDuplicates();

        Set<String> documented = ApiDocument.operations().keySet();
        assertThat(readme).as("README lists every operation of the API document").containsAll(documented);

        Set<String> staticFiles;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/public"))) {
            staticFiles = files.filter(Files::isRegularFile).map(f -> "/" + f.getFileName()).collect(Collectors.toSet());
        }
        for (String endpoint : readme) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (path.startsWith("/api/") || path.startsWith("/admin/")) {
                assertThat(documented).as("README's %s is in the API document", endpoint).contains(endpoint);
            } else {
                boolean routed = router.uriRoutes().anyMatch(r -> r.getHttpMethodName().equals(method)
                        && new UriMatchTemplate(r.getUriMatchTemplate().toString()).match(path).isPresent());
                boolean file = method.equals("GET") && (path.equals("/") || staticFiles.contains(path) || path.equals(ApiDocument.PATH));
                assertThat(routed || file).as("README's %s is served", endpoint).isTrue();
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
