package org.infraadvisor.conversation;

/** No conversation is shared under that token: it never was, or its owner stopped sharing or made a new link. */
public class SharedAdviceNotFoundException extends RuntimeException {
    public SharedAdviceNotFoundException() {
        super("no shared advice at this link: it was never issued, or its owner stopped sharing or made a new link");
    }
}
