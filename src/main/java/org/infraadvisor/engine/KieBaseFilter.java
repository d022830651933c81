package org.infraadvisor.engine;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * What a compiled-rules cache entry may contain when it is read back: Drools', KIE's and MVEL's own classes, the
 * fact classes, the classes the DRL imports (plain and {@code import function}), the DRL's own packages (declared
 * types and functions), and the few JDK types they are built from. Anything else (a gadget of some library on the
 * class path) stops the read before the object is made; the entry is then ignored and the rules compiled.
 */
final class KieBaseFilter implements ObjectInputFilter {

    /** Far deeper than a real entry (19 for the shipped rules), shallow enough to stop a stack-exhausting stream. */
    static final int MAX_DEPTH = 200;

    private static final Set<String> JDK = Set.of(
            "java.lang.Object", "java.lang.Number", "java.lang.Enum", "java.lang.String", "java.lang.Boolean", "java.lang.Character",
            "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.List", "java.util.Map$Entry", "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.IdentityHashMap", "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap",
            "java.util.Collections$EmptySet", "java.util.Collections$SynchronizedMap", "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet", "java.util.Collections$SingletonList",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentHashMap$Segment",
            "java.util.concurrent.ConcurrentHashMap$KeySetView", "java.util.concurrent.ConcurrentHashMap$CollectionView",
            "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.concurrent.locks.AbstractOwnableSynchronizer", "java.util.concurrent.locks.AbstractQueuedSynchronizer",
            "java.util.concurrent.locks.ReentrantLock", "java.util.concurrent.locks.ReentrantLock$Sync",
            "java.util.concurrent.locks.ReentrantLock$NonfairSync");
    private static final Set<String> ENGINE_PREFIXES = Set.of("org.drools.", "org.kie.", "org.mvel2.", "org.infraadvisor.facts.");

    private final DrlOutline drl;
    private volatile String refused;

    /** @param drl the DRL the entry must have been compiled from: its packages and imports */
    KieBaseFilter(DrlOutline drl) {
        this.drl = drl;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH) {
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || allowed(type.getName())) {
            return Status.ALLOWED;
        }
        refused = type.getName();
        return Status.REJECTED;
    }

    /** The class that stopped the read, if one did (for the log: what the entry held that the engine does not use). */
    String refused() {
        return refused;
    }

    boolean allowed(String className) {
        if (JDK.contains(className)) {
            return true;
        }
        for (String prefix : ENGINE_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        if (drl.importedClasses().contains(outer)) {
            return true;
        }
        int dot = outer.lastIndexOf('.');
        String pkg = dot > 0 ? outer.substring(0, dot) : "";
        return drl.packages().contains(pkg) || drl.importedPackages().contains(pkg);
    }
}
