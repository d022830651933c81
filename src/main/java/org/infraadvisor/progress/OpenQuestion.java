package org.infraadvisor.progress;

import org.infraadvisor.dialogue.Question;

/**
 * A question that applies and has no answer yet, with what answering it could change.
 *
 * @param pinned whether the flow asks it at a fixed place ({@code asking.pinned}) rather than by how decisive it is
 */
public record OpenQuestion(Question question, Impact impact, boolean pinned) {

    /** Nothing the user could answer here changes the strategy or the recommended accelerator any more. */
    public boolean refinement() {
        return !impact.couldChange();
    }
}
