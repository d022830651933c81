package org.infraadvisor.report;

import jakarta.inject.Singleton;
import org.infraadvisor.conversation.Conversation;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.conversation.NoRecommendationYetException;
import org.infraadvisor.document.DocumentMapper;

/** Reads a conversation through the one conversation path and turns it into an {@link AdviceReport}. */
@Singleton
public class AdviceReports {

    private final ConversationService conversations;
    private final DocumentMapper documents;

    AdviceReports(ConversationService conversations, DocumentMapper documents) {
        this.conversations = conversations;
        this.documents = documents;
    }

    /** The report of a finished conversation; not found for an unknown id, no recommendation yet while questions are open. */
    public AdviceReport of(String conversationId) {
        Conversation c = conversations.get(conversationId);
        if (c.advice() == null) {
            throw new NoRecommendationYetException(c.id(), c.progress());
        }
        var view = documents.view(c);
        return new AdviceReport(c.flow().title(), c.id(), c.updatedAt(), view.answers(), view.recommendation());
    }
}
