package org.infraadvisor.openapi;

import io.micronaut.json.JsonMapper;
import org.infraadvisor.testsupport.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The API document integrators generate clients from: clean under Redocly CLI's recommended rules (run from npm,
 * pinned), and holding the service's own conventions — every refusal a problem document, /admin behind the bearer
 * token, everything else open. How to keep it so: docs/api.md.
 */
class OpenApiDocumentTest {

    /** The linter, pinned (1.x runs on the Node.js 18 of Debian 12 as well as on 20+): a new release may add rules, so raise it on purpose. */
    static final String REDOCLY = "@redocly/cli@1.34.20";

    @TempDir
    Path tmp;

    @Test
    void lintsCleanWithRedoclysRecommendedRules() throws Exception {
        Path document = Files.writeString(tmp.resolve("infra-advisor-api.yml"), ApiDocument.text());
        Path report = tmp.resolve("lint.json");
        Path output = tmp.resolve("lint.out");
        List<String> command = List.of(npx(), "--yes", REDOCLY, "lint", "--config", Path.of("redocly.yaml").toAbsolutePath().toString(),
                "--format=json", document.toString());
        Process lint = new ProcessBuilder(command).redirectOutput(report.toFile()).redirectError(output.toFile()).start();
        if (!lint.waitFor(5, TimeUnit.MINUTES)) {
            lint.destroyForcibly();
            fail("the linter did not finish in 5 minutes: " + String.join(" ", command));
        }
        String json = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(json).as("no report from %s (exit %d): %s", String.join(" ", command), lint.exitValue(),
                Files.readString(output)).contains("\"totals\"");
        Tree result = new Tree(JsonMapper.createDefault().readValue(json.substring(json.indexOf('{')), Object.class));
        List<String> problems = new ArrayList<>();
        for (Tree problem : result.has("problems") ? result.get("problems").list() : List.<Tree>of()) {
            Object where = problem.get("location").list().stream().map(l -> l.get("pointer").value()).toList();
            problems.add(problem.get("severity").value() + " " + problem.get("ruleId").value() + " at " + where + ": "
                    + problem.get("message").value());
        }
        assertThat(problems).as("Redocly's findings (docs/api.md says how to fix the usual ones)").isEmpty();
        Tree totals = result.get("totals");
        assertThat(totals.get("errors").value()).isEqualTo(0);
        assertThat(totals.get("warnings").value()).isEqualTo(0);
        assertThat(lint.exitValue()).isZero();
    }

    @Test
    void everyOperationSaysWhoMayCallItAndHowItRefuses() {
        Tree root = ApiDocument.root();
        assertThat(root.get("servers").list()).isNotEmpty();
        assertThat(root.at("info", "license").map()).containsKeys("name", "url");
        Tree scheme = root.at("components", "securitySchemes", AdminOperations.SCHEME);
        assertThat(scheme.get("type").string()).isEqualTo("http");
        assertThat(scheme.get("scheme").string()).isEqualTo("bearer");

        Map<String, Tree> operations = ApiDocument.operations();
        assertThat(operations).isNotEmpty();
        operations.forEach((operation, op) -> {
            Map<String, Tree> responses = op.get("responses").map();
            assertThat(responses).as("%s: refusals documented (annotate the controller with @PublicOperations or @AdminOperations)", operation)
                    .containsKey("4XX");
            responses.entrySet().stream().filter(r -> r.getKey().startsWith("4")).forEach(r ->
                    assertThat(r.getValue().get("content").map()).as("%s %s", operation, r.getKey())
                            .containsOnlyKeys(Problem.MEDIA_TYPE));
            List<Object> security = op.has("security") ? op.get("security").list().stream().map(Tree::value).toList() : List.of();
            if (operation.split(" ")[1].startsWith("/admin/")) {
                assertThat(security).as("%s needs the admin token (@AdminOperations)", operation)
                        .containsExactly((Object) Map.of(AdminOperations.SCHEME, List.of()));
            } else {
                assertThat(security).as("%s is public (@PublicOperations)", operation).containsExactly((Object) Map.of());
            }
        });
    }

    /** npx from PATH; its absence fails the test rather than skipping the lint. */
    static String npx() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path npx = Path.of(dir, "npx");
            if (Files.isExecutable(npx)) {
                return npx.toString();
            }
        }
        fail("npx (Node.js) is not on PATH, so the API document cannot be linted. ./test installs it on Debian "
                + "(apt-get install nodejs npm); elsewhere install Node.js 20 or later.");
        return null;
    }
}
