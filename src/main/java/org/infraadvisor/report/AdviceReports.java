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

    /** The report of a finished conversation, by its owner's id; 404 for an unknown id, 409 while questions are still open. */
    AdviceReport of(String conversationId) {
        return report(conversations.get(conversationId));
    }

    /** The same by a read-only share token; 404 for an unknown or revoked token. */
    AdviceReport shared(String shareToken) {
        return report(conversations.readShared(shareToken));
    }

    /** What a share link's JSON shows. */
    SharedAdvice sharedAdvice(String shareToken) {
        ConversationView view = conversations.readShared(shareToken);
        return SharedAdvice.of(view, title(view));
    }

    private AdviceReport report(ConversationView view) {
        if (view.recommendation() == null) {
            throw new HttpStatusException(HttpStatus.CONFLICT, ("this conversation has no recommendation yet: %d of about %d "
                    + "questions answered; answer the remaining questions first").formatted(
                    view.progress().answered(), view.progress().estimatedTotal()));
        }
        return new AdviceReport(title(view), view.updatedAt(), view.answers(), view.recommendation());
    }

    private String title(ConversationView view) {
        return rules.current().flow(view.flow()).map(Flow::title).orElse(view.flow());
    }
}
