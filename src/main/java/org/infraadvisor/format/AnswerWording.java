package org.infraadvisor.format;

/**
 * What {@link Readable#answer} needs to know of a question to write an answer as the user would recognise it. The
 * dialogue's questions implement it, so formatting does not depend on the dialogue (which formats its refusals here).
 */
public interface AnswerWording {

    /** The unit of a number answer ("requests/day", "%"), or null. */
    String unit();

    /** The label the user saw for an option's value; the value itself when there is none. */
    String labelOf(String value);

    /** Whether the answer is yes or no. */
    boolean yesNo();
}
