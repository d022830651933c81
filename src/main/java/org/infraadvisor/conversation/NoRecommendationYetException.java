package org.infraadvisor.conversation;

import org.infraadvisor.dialogue.DialogueState;

/** The conversation still has questions to answer, so there is no recommendation to show or report yet. */
public class NoRecommendationYetException extends RuntimeException {
    /** The message names no conversation id: it also answers share links, whose readers must not learn the id. */
    public NoRecommendationYetException(DialogueState.Progress progress) {
        super(("this conversation has no recommendation yet: %d of about %d questions answered; answer the remaining "
                + "questions, or finish the conversation now (POST /api/conversations/{id}/finish) for the advice on the "
                + "answers given").formatted(progress.answered(), progress.estimatedTotal()));
    }
}
