package org.infraadvisor.engine;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many rule evaluations run at once. Request threads outnumber the cores (twice as many by default, more where
 * operators raise them for a remote database), and evaluations that all run at once each take several times the CPU of
 * one that runs alone (measured with the load benchmark: docs/benchmarks.md, section 2), so the others wait their
 * turn — fairly, in arrival order.
 */
final class EvaluationSlots {

    private final Semaphore slots;

    EvaluationSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("advisor.rules.concurrent-evaluations must be at least 1, was " + slots);
        }
        this.slots = new Semaphore(slots, true);
    }

    <T> T run(Supplier<T> evaluation) {
        slots.acquireUninterruptibly();
        try {
            return evaluation.get();
        } finally {
            slots.release();
        }
    }
}
