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

    /** The report of a finished conversation, by its owner's id; not found for an unknown id, no recommendation yet while questions are open. */
    public AdviceReport of(String conversationId) {
        return report(conversations.get(conversationId));
    }

    /** The same by a read-only share token; not found for an unknown or revoked token. */
    public AdviceReport shared(String shareToken) {
        return report(conversations.readShared(shareToken));
    }

    private AdviceReport report(Conversation c) {
        if (c.advice() == null) {
            throw new NoRecommendationYetException(c.progress());
        }
        var view = documents.view(c);
        return new AdviceReport(c.flow().title(), c.updatedAt(), view.answers(), view.recommendation(), view.leftOpen());
    }
}
