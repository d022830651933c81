package org.infraadvisor.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dialogue definition: an ordered list of questions, read from one YAML file.
 *
 * @param asking how the next question is chosen when the most decisive one comes first
 */
public record Flow(String id, String title, String description, String file, List<Question> questions,
                   AskingPolicy asking) {

    /** The same flow with other question definitions (e.g. texts with their defaults filled in). */
    public Flow withQuestions(List<Question> changed) {
        return new Flow(id, title, description, file, List.copyOf(changed), asking);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** The clauses of the questions' {@code askIf} that read the answer to {@code questionId}: what it gates. */
    public List<Condition.Clause> clausesReading(String questionId) {
        List<Condition.Clause> reading = new ArrayList<>();
        for (Question q : questions) {
            for (Condition.Clause c : q.askIf().clauses()) {
                if (c.question().equals(questionId)) {
                    reading.add(c);
                }
            }
        }
        return reading;
    }

    public Map<String, Question> questionsById() {
        Map<String, Question> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        return byId;
    }
}
