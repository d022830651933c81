package org.infraadvisor.engine;

import java.nio.file.Path;

/** The shipped rules and conversations, compiled once per test JVM (compiling takes seconds). */
public final class ShippedRules {

    private static RuleSet ruleSet;

    private ShippedRules() {
    }

    public static synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            ruleSet = RuleSetLoader.load(Path.of("rules"), Path.of("conversations"));
        }
        return ruleSet;
    }
}
