package org.infraadvisor.facts;

import java.util.Set;

/**
 * Which assumptions a rule's consequence reads through a fact that bundles several of them (the sizing constants,
 * the owned-cost rates, the cloud discounts, the cost terms). A conclusion rests on the figures its arithmetic used,
 * not on every figure of the bundle it was handed: the trace starts a record before each firing and collects it
 * after, and a bundle's accessors note each key they hand out. Outside a firing nothing is recorded.
 */
public final class AssumptionReads {

    private static final ThreadLocal<Set<String>> CURRENT = new ThreadLocal<>();

    private AssumptionReads() {
    }

    /** Records the keys read on this thread into {@code keys} until {@link #end}. */
    public static void begin(Set<String> keys) {
        CURRENT.set(keys);
    }

    /** Stops recording on this thread (keeps the thread's slot: emptying it is cheaper than removing and re-adding it per firing). */
    public static void end() {
        CURRENT.set(null);
    }

    /** Notes that the assumption {@code key} was used and returns its value. */
    public static double read(String key, double value) {
        Set<String> keys = CURRENT.get();
        if (keys != null) {
            keys.add(key);
        }
        return value;
    }

    /** A fact made of assumptions: what stands behind a conclusion is the keys read from it, not all it holds. */
    public interface Bundle {
    }
}
