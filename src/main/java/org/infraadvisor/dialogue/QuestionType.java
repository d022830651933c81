package org.infraadvisor.dialogue;

import java.util.Arrays;

/** The kinds of question a flow can ask; the JSON name is what clients see in {@code question.type}. */
public enum QuestionType {
    CHOICE("choice"), MULTI("multi"), NUMBER("number"), BOOLEAN("boolean"), TEXT("text");

    private final String jsonName;

    QuestionType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static QuestionType fromJsonName(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst().orElse(null);
    }
}
