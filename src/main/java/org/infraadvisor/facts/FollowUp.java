package org.infraadvisor.facts;

/** A question whose answer would change the advice most, and why. */
public class FollowUp {
    private final String question;
    private final String why;

    public FollowUp(String question, String why) {
        this.question = question;
        this.why = why;
    }

    public String getQuestion() {
        return question;
    }

    public String getWhy() {
        return why;
    }

    @Override
    public String toString() {
        return "FollowUp" + "(" + question + ", " + why + ")";
    }
}
