package org.infraadvisor.authoring;

import io.micronaut.serde.ObjectMapper;
import org.infraadvisor.testsupport.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: exit code, text report and JSON for CI. */
class VerifyCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerifyCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonReportAndExitCodeForABrokenRuleSet() throws IOException {
        Folders.copy(VerifierTest.FIXTURES.resolve("base"), tmp);
        Folders.copy(VerifierTest.FIXTURES.resolve("contradicting-pair"), tmp);
        Run run = run("--rules", tmp.resolve("rules").toString(), "--conversations", tmp.resolve("conversations").toString(), "--json");
        assertThat(run.code()).isEqualTo(VerifyCommand.NOT_CLEAN);
        VerifyReport json = ObjectMapper.getDefault().readValue(run.out(), VerifyReport.class);
        assertThat(json.clean()).isFalse();
        assertThat(json).extracting(VerifyReport::problems, VerifyReport::scenarios, VerifyReport::coverage, VerifyReport::findings,
                VerifyReport::exploration).doesNotContainNull();
        assertThat(json.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("contradicting-strategies");
            assertThat(f.example()).isNotNull();
        });
    }

    @Test
    void textReportNamesFileAndLine() throws IOException {
        Folders.copy(VerifierTest.FIXTURES.resolve("base"), tmp);
        Folders.copy(VerifierTest.FIXTURES.resolve("syntax-error"), tmp);
        Run run = run("--rules", tmp.resolve("rules").toString(), "--conversations", tmp.resolve("conversations").toString());
        assertThat(run.code()).isEqualTo(VerifyCommand.NOT_CLEAN);
        assertThat(run.out()).contains("rules/strategy/broken.drl:8:").contains("NOT CLEAN");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("--no-such-option");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--no-such-option");
    }
}
