package org.infraadvisor.conversation;

import org.infraadvisor.format.Readable;

import java.util.Collection;

/** The serving rules have no flow of that id. */
public class FlowNotFoundException extends RuntimeException {
    public FlowNotFoundException(String flowId, Collection<String> available) {
        super("no flow '%s'; available flows: %s".formatted(Ids.shorten(flowId), names(available)));
    }

    /** "'infra-strategy' and 'quick-check'", sorted, as they are written in a request. */
    static String names(Collection<String> flows) {
        return Readable.list(flows.stream().sorted().map(f -> "'" + f + "'").toList());
    }
}
