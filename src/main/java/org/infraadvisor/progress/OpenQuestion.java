package org.infraadvisor.progress;

import org.infraadvisor.dialogue.Question;

/**
 * A question that applies and has no answer yet, with what answering it could change.
 *
 * @param pinned    whether the flow asks it at a fixed place ({@code asking.pinned}) rather than by how decisive it is
 * @param mayChange whether some answer to it could change the strategy or the recommended accelerator: as its impact
 *                  says once judged; before that (an assessment not yet {@link Assessment#ranked()}), unless the rules'
 *                  analysis rules it out
 */
public record OpenQuestion(Question question, Impact impact, boolean pinned, boolean mayChange) {

    /** A judged question: what could change is what its impact says. */
    public OpenQuestion(Question question, Impact impact, boolean pinned) {
        this(question, impact, pinned, impact.couldChange());
    }

    /** Nothing the user could answer here changes the strategy or the recommended accelerator any more. */
    public boolean refinement() {
        return !mayChange;
    }
}
