package org.infraadvisor.dialogue;

import java.util.List;
import java.util.stream.Collectors;

/** Raised when rule or conversation files cannot be used; lists every problem found with file and line. */
public class DefinitionException extends RuntimeException {
    private final List<DefinitionProblem> problems;

    public DefinitionException(List<DefinitionProblem> problems) {
        super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n  ", "invalid definitions:\n  ", "")));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
