package org.infraadvisor.conversation;

import org.infraadvisor.dialogue.DialogueState;

/** The conversation still has questions to answer, so there is no recommendation to show or report yet. */
public class NoRecommendationYetException extends RuntimeException {
    public NoRecommendationYetException(String id, DialogueState.Progress progress) {
        super(("conversation '%s' has no recommendation yet: %d of about %d questions answered; answer the remaining "
                + "questions first").formatted(Ids.shorten(id), progress.answered(), progress.estimatedTotal()));
    }
}
