package org.infraadvisor.reload;

import org.infraadvisor.testsupport.Folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** A private copy of the shipped rules and conversations under ./target, which a test may edit. */
final class RulesFolder {

    final Path root;
    final Path rules;
    final Path conversations;

    RulesFolder(String name) {
        root = Path.of("target", name + "-" + UUID.randomUUID()).toAbsolutePath();
        rules = Folders.copy(Path.of("rules"), root.resolve("rules"));
        conversations = Folders.copy(Path.of("conversations"), root.resolve("conversations"));
        // a scenario any sensible rule set passes, so that a rule set deciding otherwise is refused
        write("scenarios/zz-reload-test.yaml", """
                name: Reload test - data kept on premises
                description: Written by the reload tests.
                answers:
                  workload: inference
                  data_residency: on-premises
                expect:
                  strategy: on-prem
                """);
    }

    /** Writes beside the target and renames over it, as editors do, so no reader sees half a file. */
    void write(String relative, String text) {
        try {
            Path target = rules.resolve(relative);
            Files.createDirectories(target.getParent());
            Path tmp = root.resolve("tmp-" + UUID.randomUUID());
            Files.writeString(tmp, text);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String goodRule(int n) {
        return """
                package rules.strategy;

                import org.infraadvisor.facts.Answer;

                rule "Reload test rule"
                    @description("Version %d of a rule that concludes nothing.")
                when
                    Answer(question == "workload", value == "training")
                then
                end
                """.formatted(n);
    }

    static String brokenRule(int n) {
        return """
                package rules.strategy;

                import org.infraadvisor.facts.Answer;

                rule "Reload test rule"
                    @description("Broken version %d")
                when
                    Answer(question == "workload" value == )
                then
                end
                """.formatted(n);
    }

    /** Compiles, but decides cloud-first for everyone, also when data must stay on premises: the scenarios refuse it. */
    static String scenarioBreakingRule(int n) {
        return """
                package rules.strategy;

                import org.infraadvisor.facts.StrategyChoice;

                rule "Reload test rule"
                    @description("Version %d decides cloud-first for everyone.")
                    ruleflow-group "decision"
                    salience 1000
                when
                    not StrategyChoice()
                then
                    insert(new StrategyChoice("cloud-first", 0.99, "forced by the reload test"));
                end
                """.formatted(n);
    }
}
