package org.infraadvisor.engine;

import org.drools.drl.parser.ParserError;
import org.infraadvisor.dialogue.DefinitionProblem;
import org.kie.internal.builder.KnowledgeBuilderError;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRL compile error as a rule author needs it: the column in the file (Drools' parser counts from 0, and MVEL
 * counts within the expression it analysed, not within the line), and the message without those positions.
 */
final class DrlErrors {

    private static final Pattern PARSER_POSITION = Pattern.compile("\\s*Line \\d+:\\d+");
    private static final Pattern MVEL_POSITION = Pattern.compile("\\s*\\[Near : \\{.*?}]\\s*\\^?\\s*\\[Line: \\d+, Column: \\d+]", Pattern.DOTALL);
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):\\s*\\[Error", Pattern.DOTALL);
    private static final Pattern UNRESOLVED = Pattern.compile("unable to resolve method using strict-mode: [\\w.$]+\\.(\\w+)\\(\\)");
    /** "Unable to resolve ObjectType 'Answr'", "StrategyVot cannot be resolved to a type", "… cannot be resolved" */
    private static final Pattern NAMED = Pattern.compile("'([\\w.$]+)'|(\\w+) cannot be resolved");

    private DrlErrors() {
    }

    /**
     * @param line   the line Drools names (1-based)
     * @param source the file's text, to find what Drools could not resolve; null if unknown
     */
    static DefinitionProblem problem(String file, int line, KnowledgeBuilderError error, String source) {
        String message = error.getMessage().strip();
        String text = MVEL_POSITION.matcher(PARSER_POSITION.matcher(message).replaceFirst("")).replaceAll("")
                .replaceAll("\\s*\\n\\s*", " ").strip();
        if (error instanceof ParserError parse) {
            return new DefinitionProblem(file, line, parse.getCol() + 1, text);
        }
        int[] at = locate(message, line, source);
        return new DefinitionProblem(file, at[0], at[1], text);
    }

    /**
     * Where the name Drools could not resolve (or the expression it could not analyse) stands: the first line from
     * the named one (a consequence's errors name the rule's first line) to the end of the rule, and the 1-based column
     * there; the named line and column 0 when it cannot be found.
     */
    static int[] locate(String message, int line, String source) {
        String[] lines = source == null ? new String[0] : source.split("\n", -1);
        Matcher expression = EXPRESSION.matcher(message);
        Matcher unresolved = UNRESOLVED.matcher(message);
        Matcher named = NAMED.matcher(message);
        String expr = expression.find() ? expression.group(1).strip() : null;
        String name = unresolved.find() ? unresolved.group(1) : named.find() ? named.group(1) != null ? named.group(1) : named.group(2) : null;
        for (int i = Math.max(line, 1); i <= lines.length && (expr != null || name != null); i++) {
            String text = lines[i - 1];
            int from = expr == null ? 0 : text.indexOf(expr);
            if (from >= 0) {
                Matcher word = name == null ? null : Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text);
                if (word != null && word.find(from)) {
                    return new int[] {i, word.start() + 1};
                }
                if (expr != null) {
                    return new int[] {i, from + 1};
                }
            }
            if (i > line && text.strip().equals("end")) {
                break;
            }
        }
        return new int[] {line, 0};
    }
}
