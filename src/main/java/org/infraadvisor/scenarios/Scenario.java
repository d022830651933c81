package org.infraadvisor.scenarios;

import java.util.Map;

/**
 * One organisation profile from {@code rules/scenarios/*.yaml}: the answers it gives and what a competent
 * architect expects the advice to be.
 *
 * @param file        the file it was read from, as shown in reports
 * @param line        line of the scenario in that file
 * @param answers     question id to answer value, as written in YAML (validated against the flow when run)
 * @param answerLines question id to the line of its answer, for reports
 */
public record Scenario(String name, String description, String flow, String file, int line,
                       Map<String, Object> answers, Map<String, Integer> answerLines, Expectations expect) {

    public String location() {
        return file + ":" + line;
    }
}
