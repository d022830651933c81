package org.infraadvisor.dialogue;

/** An answer that the question does not accept; the message tells the user what is wrong. */
public class InvalidAnswerException extends RuntimeException {
    public InvalidAnswerException(String message) {
        super(message);
    }
}
