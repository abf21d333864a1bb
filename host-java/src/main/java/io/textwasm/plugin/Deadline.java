package io.textwasm.plugin;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wall-clock limit of one call. Chicory stops running wasm when the thread running it is
 * interrupted (it checks at every call and every backward branch, in the compiler and the
 * interpreter), so a watchdog thread interrupts the caller when the time is up.
 *
 * <p>The interrupt must never outlive the call: the watchdog and the caller agree through one
 * atomic state, the watchdog interrupts only a call still running, and {@link #finish()} waits
 * for an interrupt in flight and clears it, so the caller's thread leaves clean.
 */
final class Deadline implements Runnable {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int FIRING = 2;
    private static final int FIRED = 3;

    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final Thread thread = Thread.currentThread();
    private final Duration timeout;
    private ScheduledFuture<?> future;

    private Deadline(Duration timeout) {
        this.timeout = timeout;
    }

    /** Starts the clock for the current thread. */
    static Deadline start(Watchdog watchdog, Duration timeout) {
        Deadline d = new Deadline(timeout);
        d.future = watchdog.schedule(d, timeout);
        return d;
    }

    @Override
    public void run() {
        if (state.compareAndSet(RUNNING, FIRING)) {
            thread.interrupt();
            state.set(FIRED);
        }
    }

    /** Whether the time ran out (the call is being, or has been, interrupted). */
    boolean expired() {
        return state.get() >= FIRING;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Ends the guarded region. Returns whether the deadline fired; if it did, the interrupt it
     * delivered is cleared from this thread.
     */
    boolean finish() {
        if (state.compareAndSet(RUNNING, DONE)) {
            future.cancel(false);
            return false;
        }
        while (state.get() != FIRED) {
            Thread.onSpinWait(); // the watchdog is between its two steps: nanoseconds
        }
        Thread.interrupted();
        return true;
    }

    /** A duration in nanoseconds, at most Long.MAX_VALUE (about 292 years) instead of an overflow. */
    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** One daemon thread per {@link PluginHost} that fires deadlines. */
    static final class Watchdog implements AutoCloseable {
        private final ScheduledThreadPoolExecutor timer;

        Watchdog() {
            timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "textwasm-plugin-watchdog");
                t.setDaemon(true);
                return t;
            });
            // Most deadlines are cancelled long before they fire; without this the queue would
            // hold each until its time, which is a leak under a steady stream of calls.
            timer.setRemoveOnCancelPolicy(true);
        }

        ScheduledFuture<?> schedule(Runnable r, Duration after) {
            try {
                return timer.schedule(r, nanos(after), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                throw new IllegalStateException("the PluginHost is closed");
            }
        }

        int pending() {
            return timer.getQueue().size();
        }

        /**
         * Takes no new deadlines, but fires the ones pending: a call still running when its host
         * is closed must still be stopped at its time (shutdownNow dropped them, and such a call
         * ran forever). The thread ends after the last one.
         */
        @Override
        public void close() {
            timer.shutdown();
        }
    }
}
