package org.infraadvisor.engine;

import io.micronaut.context.ApplicationContext;
import org.infraadvisor.dialogue.DefinitionException;
import org.infraadvisor.testsupport.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules load beside the rest of start-up, but a broken rule file still stops the service from starting. */
class BrokenRulesStartupTest {

    @TempDir
    Path tmp;

    @Test
    void brokenRulesStopStartUpNamingFileAndLine() throws IOException {
        Path rules = Folders.copy(Path.of("rules"), tmp.resolve("rules"));
        Files.writeString(rules.resolve("strategy/broken.drl"), """
                package rules.strategy;
                rule "Broken"
                when
                    Answer(question == )
                then
                end
                """);
        Map<String, Object> config = Map.of("advisor.rules.dir", rules.toString(),
                "advisor.rules.cache-dir", tmp.resolve("cache").toString());

        assertThatThrownBy(() -> {
            try (ApplicationContext ignored = ApplicationContext.run(config, "test")) {
                // start-up must fail before we get here
            }
        }).satisfies(e -> {
            Throwable cause = e;
            while (cause != null && !(cause instanceof DefinitionException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("a DefinitionException in %s", e).isNotNull();
            assertThat(cause.getMessage()).contains("broken.drl").containsPattern(":\\d+");
        });
    }
}
