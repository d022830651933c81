package org.infraadvisor.advice;

import java.util.List;

/**
 * One rule that fired, as the explanation shows it.
 *
 * @param rule      the rule's id
 * @param answers   the questions whose answers its conditions matched
 * @param concluded what it concluded that the advice shows, in words (derived working facts are not listed)
 */
public record FiringStep(String rule, List<String> answers, List<String> concluded) {
}
