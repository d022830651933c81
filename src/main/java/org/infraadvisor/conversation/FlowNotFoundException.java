package org.infraadvisor.conversation;

import java.util.Collection;

/** The serving rules have no flow of that id. */
public class FlowNotFoundException extends RuntimeException {
    public FlowNotFoundException(String flowId, Collection<String> available) {
        super("no flow '%s'; available flows: %s".formatted(Ids.shorten(flowId), available));
    }
}
