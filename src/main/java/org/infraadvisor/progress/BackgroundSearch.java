package org.infraadvisor.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * Searches the asking order of answer states after the reply, in one low-priority daemon thread, so that a turn
 * never waits for a search. It may not starve the turns: the queue is bounded (a state that does not fit is dropped,
 * and searched again only when asked for again), a state already queued is not queued twice, and after each search
 * the worker pauses in proportion to the CPU time it used, so that it takes at most {@code share} of one core.
 * States the user reached go to the front of the queue, guesses of the next state to the back. Guesses are
 * speculation: while the machine's CPUs are busier than {@code maxLoadForGuesses} they are dropped unsearched (a state
 * dropped so is searched when a user reaches it), so that a saturated service spends its CPU on the turns.
 */
final class BackgroundSearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSearch.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private record Task(Object key, Runnable work, boolean guess) {
    }

    /** How often the machine's CPU load is read again, at most. */
    private static final long LOAD_PERIOD_NANOS = 250_000_000L;

    private final double share;
    private final BlockingDeque<Task> queue;
    private final Set<Object> queued = ConcurrentHashMap.newKeySet();
    private final LongAdder done = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder guessesSkipped = new LongAdder();
    private final DoubleSupplier machineLoad;
    private final double maxLoadForGuesses;
    private volatile long loadReadAt; // any thread may read the load again when it is stale: a race reads it twice
    private volatile boolean busy;
    private final Thread worker;
    private volatile boolean closed;

    /**
     * @param share    the share of one core the searches may use, (0, 1]
     * @param capacity how many states may wait to be searched
     */
    BackgroundSearch(double share, int capacity) {
        this(share, capacity, () -> -1, 1);
    }

    /**
     * @param machineLoad       the recent CPU load of the whole machine, 0 to 1 (negative when unknown)
     * @param maxLoadForGuesses guesses are searched only while {@code machineLoad} is at most this; 1 searches them always
     */
    BackgroundSearch(double share, int capacity, DoubleSupplier machineLoad, double maxLoadForGuesses) {
        if (!(share > 0 && share <= 1) || capacity < 1 || !(maxLoadForGuesses > 0 && maxLoadForGuesses <= 1)) {
            throw new IllegalArgumentException("share and the load for guesses must be in (0, 1] and capacity at least 1: "
                    + share + ", " + maxLoadForGuesses + ", " + capacity);
        }
        this.share = share;
        this.machineLoad = machineLoad;
        this.maxLoadForGuesses = maxLoadForGuesses;
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.worker = new Thread(this::work, "progress-search-" + WORKERS.incrementAndGet());
        worker.setDaemon(true);
        worker.setPriority(Thread.MIN_PRIORITY);
        worker.start();
    }

    /** Queues the search of a state the user is at (first in line); false when it is queued already or the queue is full. */
    boolean now(Object key, Runnable work) {
        return offer(new Task(key, work, false), true);
    }

    /** Queues the search of a state the user may reach next (last in line); false when queued already or full. */
    boolean later(Object key, Runnable work) {
        return offer(new Task(key, work, true), false);
    }

    private boolean offer(Task task, boolean first) {
        if (closed || !queued.add(task.key())) {
            return false;
        }
        if (!(first ? queue.offerFirst(task) : queue.offerLast(task))) {
            queued.remove(task.key());
            dropped.increment();
            return false;
        }
        return true;
    }

    private void work() {
        while (!closed) {
            try {
                Task task = queue.take();
                if (task.guess() && !acceptsGuesses()) {
                    queued.remove(task.key());
                    guessesSkipped.increment();
                    continue;
                }
                long cpu = cpuNanos();
                try {
                    task.work().run();
                } catch (RuntimeException e) {
                    // not kept: the state is searched again when it is next asked for, or in the foreground when finished
                    LOG.warn("background search of the asking order failed", e);
                } finally {
                    queued.remove(task.key());
                    done.increment();
                }
                long used = cpuNanos() - cpu;
                long pause = (long) (used * (1 - share) / share);
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Whether guesses are searched now: not while the machine is busier than {@code maxLoadForGuesses} (its load read
     * at most every {@link #LOAD_PERIOD_NANOS}). Callers may skip working out guesses when not.
     */
    boolean acceptsGuesses() {
        if (maxLoadForGuesses >= 1) {
            return true;
        }
        long now = System.nanoTime();
        if (loadReadAt == 0 || now - loadReadAt > LOAD_PERIOD_NANOS) {
            busy = machineLoad.getAsDouble() > maxLoadForGuesses;
            loadReadAt = now;
        }
        return !busy;
    }

    /** The recent CPU load of the whole machine, 0 to 1; negative when the JVM cannot tell. */
    static double machineCpuLoad() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getCpuLoad() : -1;
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Whether nothing is queued or being searched (for tests and benchmarks that wait for the background). */
    boolean idle() {
        return queued.isEmpty();
    }

    long done() {
        return done.sum();
    }

    long dropped() {
        return dropped.sum();
    }

    /** Guesses dropped unsearched because the machine was busy. */
    long guessesSkipped() {
        return guessesSkipped.sum();
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        queue.clear();
        queued.clear();
    }
}
