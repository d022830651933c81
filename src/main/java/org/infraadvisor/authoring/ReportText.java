package org.infraadvisor.authoring;

import org.infraadvisor.authoring.VerifyReport.Finding;
import org.infraadvisor.dialogue.DefinitionProblem;

import java.util.Map;
import java.util.stream.Collectors;

/** The verify report as a person reads it in a terminal: each problem on one line, starting with file:line. */
public final class ReportText {

    private ReportText() {
    }

    public static String render(VerifyReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Verifying rules in ").append(r.rulesDir()).append(" and conversations in ").append(r.conversationsDir()).append('\n');
        if (!r.problems().isEmpty()) {
            out.append("\nProblems (").append(r.problems().size()).append("):\n");
            for (DefinitionProblem p : r.problems()) {
                out.append("  ").append(p).append('\n');
            }
        }
        if (r.version() == null) {
            out.append("\nNOT CLEAN: the rules or conversations do not compile.\n");
            return out.toString();
        }
        out.append("\nCompiled ").append(r.rules()).append(" rules, version ").append(r.version()).append('\n');
        if (r.scenarios() != null) {
            VerifyReport.Scenarios s = r.scenarios();
            out.append("\nScenarios: ").append(s.passed()).append(" passed, ").append(s.failed()).append(" failed\n");
            for (VerifyReport.ScenarioResult result : s.results()) {
                if (!result.passed()) {
                    out.append("  FAILED ").append(result.name()).append(" (").append(result.file()).append(")\n");
                    result.differences().forEach(d -> out.append("    ").append(d).append('\n'));
                }
            }
        }
        if (r.coverage() != null) {
            VerifyReport.Coverage c = r.coverage();
            out.append("\nCoverage: scenarios fire ").append(c.firedByScenarios()).append(" of ").append(c.rules()).append(" rules\n");
        }
        for (VerifyReport.Exploration e : r.exploration()) {
            out.append("\nExplored flow '").append(e.flow()).append("': ").append(e.evaluated()).append(" answer combinations (")
                    .append(e.mode()).append(" over ").append(String.format("%.3g", e.space())).append(" combinations of ")
                    .append(e.questions().size()).append(" questions)\n");
        }
        if (!r.findings().isEmpty()) {
            out.append("\nFindings (").append(r.findings().size()).append("):\n");
            for (Finding f : r.findings()) {
                out.append("  ").append(f).append('\n');
                if (f.example() != null) {
                    out.append("      e.g. ").append(example(f.example())).append('\n');
                }
            }
        }
        out.append('\n').append(r.clean() ? "CLEAN" : "NOT CLEAN: %d problem(s), %d failed scenario(s), %d finding(s)".formatted(
                r.problems().size(), r.scenarios() == null ? 0 : r.scenarios().failed(), r.findings().size())).append('\n');
        return out.toString();
    }

    static String example(Map<String, Object> answers) {
        if (answers.isEmpty()) {
            return "every answer \"I don't know\"";
        }
        return answers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"))
                + " (others \"I don't know\")";
    }
}
