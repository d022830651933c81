package org.infraadvisor.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Hands out sessions from a Drools {@link KieSessionsPool} of the KieBase being evaluated. A pooled session's
 * {@code dispose()} resets it (facts, agenda, globals and event listeners are cleared) and returns it to the
 * pool, so the next evaluation starts as clean as with a new session but keeps the node memories Drools would
 * otherwise allocate again: that halves the cost of an evaluation.
 * <p>
 * Pools are kept for the two most recent KieBases: the serving one and, during a reload, the one that
 * evaluations still in flight started with. An older pool is dropped, not shut down (shutting down would
 * dispose sessions in use); it goes with its KieBase once the last of its sessions is returned.
 */
final class SessionPools {

    private record Entry(KieBase kieBase, KieSessionsPool pool) {
    }

    private volatile Entry current;
    private volatile Entry previous;

    KieSession newSession(KieBase kieBase) {
        Entry found = find(kieBase);
        if (found == null) {
            synchronized (this) {
                found = find(kieBase);
                if (found == null) {
                    found = new Entry(kieBase, kieBase.newKieSessionsPool(1));
                    previous = current;
                    current = found;
                }
            }
        }
        return found.pool().newKieSession();
    }

    private Entry find(KieBase kieBase) {
        Entry c = current;
        if (c != null && c.kieBase() == kieBase) {
            return c;
        }
        Entry p = previous;
        return p != null && p.kieBase() == kieBase ? p : null;
    }
}
