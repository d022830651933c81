package org.infraadvisor.dialogue;

/** Something wrong in a rule or conversation file, with where it is. */
public record DefinitionProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
