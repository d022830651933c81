package org.infraadvisor.scenarios;

import java.util.List;
import java.util.Map;

/**
 * One scenario of {@code rules/scenarios/*.yaml}: answers and the strategy they must give.
 * Minimal stand-in for the knowledge base's scenario suite (same package and entry points); when both are
 * merged, the knowledge base's classes replace these.
 */
public record Scenario(String name, String flow, String file, int line, Map<String, Object> answers,
                       List<String> strategyOneOf) {

    public String location() {
        return file + ":" + line;
    }
}
