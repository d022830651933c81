package org.infraadvisor.report;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.conversation.ConversationView;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.RuleSetHolder;

/** Reads a conversation through the one conversation path and turns it into an {@link AdviceReport}. */
@Singleton
class AdviceReports {

    private final ConversationService conversations;
    private final RuleSetHolder rules;

    AdviceReports(ConversationService conversations, RuleSetHolder rules) {
        this.conversations = conversations;
        this.rules = rules;
    }

    /** The report of a finished conversation; 404 for an unknown id, 409 while questions are still open. */
    AdviceReport of(String conversationId) {
        ConversationView view = conversations.get(conversationId);
        if (view.recommendation() == null) {
            throw new HttpStatusException(HttpStatus.CONFLICT, ("conversation '%s' has no recommendation yet: %d of about %d "
                    + "questions answered; answer the remaining questions first").formatted(view.id(),
                    view.progress().answered(), view.progress().estimatedTotal()));
        }
        String title = rules.current().flow(view.flow()).map(Flow::title).orElse(view.flow());
        return new AdviceReport(title, view.id(), view.updatedAt(), view.answers(), view.recommendation());
    }
}
