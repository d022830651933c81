package org.infraadvisor.channels.slack;

/** The {@code action_id}s and view ids the bot's Block Kit messages use, and what a click on each means. */
final class SlackActions {

    /** Prefix of every element that answers with its own value (choice buttons, yes/no, "I don't know", select). */
    static final String ANSWER_PREFIX = "answer_";
    static final String ANSWER_SELECT = "answer_select";
    static final String ANSWER_UNKNOWN = "answer_unknown";
    /** Checkboxes (or multi-select) of a multiple-choice question: picking alone answers nothing. */
    static final String MULTI_PICK = "multi_pick";
    static final String MULTI_SUBMIT = "multi_submit";
    /** Opens a modal to type a number or text. */
    static final String OPEN_INPUT = "open_input";
    static final String WHY = "why";
    static final String RESTART = "restart";
    static final String CHANGE = "change";
    /** "Change this answer" under an answered question (or "Answer it now" under one left open): asks it again. */
    static final String CHANGE_ONE = "change_one";
    static final String REPORT = "report";
    /** "Finish now" on a question: the advice for the answers so far, the open questions counted as unknown. */
    static final String FINISH = "finish";

    static final String MODAL_CALLBACK = "answer_modal";
    static final String MODAL_BLOCK = "answer";
    static final String MODAL_ELEMENT = "value";

    private SlackActions() {
    }
}
