package org.infraadvisor.conversation;

/** No conversation has that id (never had, or it was erased or expired). */
public class ConversationNotFoundException extends RuntimeException {
    public ConversationNotFoundException(String id) {
        super("no conversation with id '%s'".formatted(Ids.shorten(id)));
    }
}
