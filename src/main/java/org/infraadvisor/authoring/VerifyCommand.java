package org.infraadvisor.authoring;

import io.micronaut.serde.ObjectMapper;
import org.infraadvisor.engine.AdvisorEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code java -jar infra-advisor.jar verify [--rules DIR] [--conversations DIR] [--json]}: checks rules and
 * dialogue as the service would load them, without starting the service. Exit code 0 only when all is clean.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, version = "Infra Advisor verify 0.1.0",
        description = "Compiles every DRL and conversation, runs the scenario suite and cross-checks dialogue and rules.")
public final class VerifyCommand implements Callable<Integer> {

    public static final int CLEAN = 0;
    public static final int NOT_CLEAN = 1;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:ADVISOR_RULES_DIR:-rules}")
    Path rules;

    @Option(names = "--conversations", paramLabel = "DIR", description = "Conversations folder (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:ADVISOR_CONVERSATIONS_DIR:-conversations}")
    Path conversations;

    @Option(names = "--json", description = "Print the report as JSON (for CI)")
    boolean json;

    @Option(names = "--max-combinations", paramLabel = "N", defaultValue = "1000",
            description = "Answer combinations per flow above which the space is sampled instead of enumerated (default: ${DEFAULT-VALUE})")
    int maxCombinations;

    @Option(names = "--no-explore", description = "Skip evaluating combinations of answers")
    boolean noExplore;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sampling, for reproducible reports")
    long seed;

    private PrintWriter out;

    /** Runs the command and returns its exit code; the report goes to {@code out}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        VerifyCommand command = new VerifyCommand();
        command.out = out;
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() throws IOException {
        Verifier.Options options = new Verifier.Options(!noExplore, maxCombinations, seed);
        VerifyReport report = new Verifier(new AdvisorEngine(10_000)).verify(rules, conversations, options).report();
        if (json) {
            // like the service: empty lists and nulls are written, so CI scripts find every field
            try (ObjectMapper.CloseableObjectMapper mapper = ObjectMapper.create(
                    java.util.Map.of("micronaut.serde.serialization.inclusion", "always"))) {
                out.println(mapper.writeValueAsString(report));
            }
        } else {
            out.print(ReportText.render(report));
        }
        return report.clean() ? CLEAN : NOT_CLEAN;
    }
}
