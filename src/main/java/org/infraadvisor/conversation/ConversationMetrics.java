package org.infraadvisor.conversation;

import java.util.function.Supplier;

/** What the conversation service reports to operations: starts, turns, erasures and how long evaluations take. */
public interface ConversationMetrics {

    void conversationStarted(String channel);

    void turn(String channel);

    void conversationErased();

    /** Times {@code work} as one evaluation, also when it throws. */
    <T> T timeEvaluation(Supplier<T> work);
}
