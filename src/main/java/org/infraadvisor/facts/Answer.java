package org.infraadvisor.facts;

import java.util.List;

/**
 * One answer of the user, as rules see it. Every question of the flow is present as exactly one Answer:
 * {@code value} is the option value, the number as text, the text, {@code "unknown"} when the user does not
 * know (or has not said), or {@code "not-asked"} when the dialogue skipped the question.
 * Rules write e.g. {@code Answer(question == "workload", value == "training")} or
 * {@code Answer(question == "model_size_b", known, number >= 70)}.
 */
public class Answer {
    public static final String UNKNOWN = "unknown";
    public static final String NOT_ASKED = "not-asked";

    private final String question;
    private final String value;
    private final double number;
    private final List<String> values;
    private final double importance;
    private final String whyAsk;
    private final String text;

    public Answer(String question, String value, double number, List<String> values) {
        this(question, value, number, values, 0.5, null, question);
    }

    /**
     * @param importance how much the question can change the advice, from the flow ({@code importance:})
     * @param whyAsk     why it matters, from the flow ({@code why:}); null when the flow says nothing
     * @param text       the question as the flow asks it, for texts that name it
     */
    public Answer(String question, String value, double number, List<String> values, double importance, String whyAsk,
                  String text) {
        this.question = question;
        this.value = value;
        this.number = number;
        this.values = values;
        this.importance = importance;
        this.whyAsk = whyAsk;
        this.text = text;
    }

    /** The question as the flow asks it. */
    public String getText() {
        return text;
    }

    public String getQuestion() {
        return question;
    }

    public String getValue() {
        return value;
    }

    /** The numeric value, or NaN for non-numbers (every comparison with NaN is false). */
    public double getNumber() {
        return number;
    }

    /** The chosen options of a multiple-choice answer; a single choice gives a list of one. */
    public List<String> getValues() {
        return values;
    }

    /** True when the user gave a real answer, neither "unknown" nor skipped. */
    /** How much the question can change the advice (flow {@code importance:}, 0.5 when not stated). */
    public double getImportance() {
        return importance;
    }

    /** Why the question matters, for follow-up questions; null when the flow does not say. */
    public String getWhyAsk() {
        return whyAsk;
    }

    public boolean isKnown() {
        return !UNKNOWN.equals(value) && !NOT_ASKED.equals(value);
    }

    public boolean isUnknown() {
        return UNKNOWN.equals(value);
    }

    public boolean isAsked() {
        return !NOT_ASKED.equals(value);
    }

    public boolean has(String option) {
        return values.contains(option);
    }

    @Override
    public String toString() {
        return question + " = " + value;
    }
}
