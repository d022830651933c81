package org.infraadvisor.progress;

import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.RuleSet;

import java.util.Map;

/**
 * What the progressive advisor needs from the rules engine: the head of the advice for a set of answers (the
 * effective answers of a flow; questions without an answer count as unknown). It must agree with the full
 * evaluation of the same answers.
 */
public interface OutcomeSource {

    Outcome outcome(RuleSet ruleSet, Flow flow, Map<String, Object> answers);
}
