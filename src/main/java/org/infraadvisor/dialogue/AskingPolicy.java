package org.infraadvisor.dialogue;

import java.util.List;
import java.util.Map;

/**
 * How a flow wants its next question chosen when the advisor asks the most decisive question first (the
 * {@code asking:} block of a flow file).
 *
 * @param pinned   questions asked first, in this order, whenever they apply and are still open
 * @param tieBreak the order of equally decisive questions; questions not listed follow in file order
 * @param samples  for number questions, the values tried to find out whether an answer could change the advice
 *                 (one value per band the rules tell apart)
 */
public record AskingPolicy(List<String> pinned, List<String> tieBreak, Map<String, List<Double>> samples) {

    /** No pins, ties broken in file order, numbers sampled between their limits. */
    public static final AskingPolicy DEFAULT = new AskingPolicy(List.of(), List.of(), Map.of());

    public List<Double> samplesOf(String questionId) {
        return samples.getOrDefault(questionId, List.of());
    }
}
