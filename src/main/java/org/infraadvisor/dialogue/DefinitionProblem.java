package org.infraadvisor.dialogue;

import io.micronaut.serde.annotation.Serdeable;

/** Something wrong in a rule or conversation file, with where it is. */
@Serdeable
public record DefinitionProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
