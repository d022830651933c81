package org.infraadvisor.dialogue;

import io.micronaut.core.annotation.Creator;

/** Something wrong in a rule or conversation file, with where it is ({@code column} 0 when only the line is known). */
public record DefinitionProblem(String file, int line, int column, String message) {

    @Creator
    public DefinitionProblem {
    }

    public DefinitionProblem(String file, int line, String message) {
        this(file, line, 0, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}
