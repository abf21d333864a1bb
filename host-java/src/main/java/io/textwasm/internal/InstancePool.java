package io.textwasm.internal;

import io.textwasm.EngineException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A bounded pool of core instances. A Chicory instance is not thread-safe, so each call borrows
 * one exclusively. Instances are created on demand up to {@code max}; callers beyond that wait.
 * An instance that failed, or whose memory grew past {@code keepPages} above its start, is
 * dropped instead of returned, which is how memory a large call grew is given back.
 */
public final class InstancePool implements AutoCloseable {
    private final CoreModule module;
    private final int max;
    private final Supplier<CoreInstance> create;
    private final int keepPages;
    private final ArrayBlockingQueue<CoreInstance> idle;
    /**
     * Instances created and not yet dropped. A plain int changed only inside synchronized blocks,
     * not an AtomicInteger: giving a slot back must not call a method, since it runs when the
     * stack is exhausted (a plugin recursing through host functions), where the call to give it
     * back overflowed again and the slot was lost for good (every later call waited forever).
     */
    private int live;
    private volatile boolean closed;

    public InstancePool(CoreModule module, int max, int maxPages, int keepPages) {
        this(module, max, keepPages, () -> new CoreInstance(module, maxPages));
    }

    /** With {@code create} making each instance (tests make it fail). */
    InstancePool(CoreModule module, int max, int keepPages, Supplier<CoreInstance> create) {
        this.module = module;
        this.max = max;
        this.create = create;
        this.keepPages = keepPages;
        this.idle = new ArrayBlockingQueue<>(max);
    }

    public <T> T with(Function<CoreInstance, T> work) {
        CoreInstance ci = acquire();
        boolean keep = true;
        try {
            return work.apply(ci);
        } catch (Error e) {
            // The JVM's own failure anywhere in the call, not only inside the core (a plugin that
            // recurses through host functions runs out of stack in host code too): the instance
            // may be mid-update, and the stack may have no room for another call.
            keep = false;
            throw e;
        } finally {
            // Kept after other failures too (invalid UTF-8 is an answer, not damage) unless the
            // instance marked itself broken (trap, interruption, out of memory) or grew too much.
            // Inline, not a release() call: see live.
            boolean kept = false;
            try {
                kept = keep && ci.reusable(keepPages) && !closed && idle.offer(ci);
            } finally {
                if (!kept) {
                    synchronized (this) {
                        live--;
                    }
                }
            }
        }
    }

    private CoreInstance acquire() {
        while (true) {
            if (closed) {
                throw new IllegalStateException("TextEngine is closed");
            }
            CoreInstance ci = idle.poll();
            if (ci != null) {
                return ci;
            }
            boolean slot;
            synchronized (this) {
                slot = live < max;
                if (slot) {
                    live++;
                }
            }
            if (slot) {
                try {
                    return create.get();
                } catch (RuntimeException e) {
                    synchronized (this) {
                        live--;
                    }
                    throw e instanceof EngineException ? e : new EngineException("cannot instantiate the core: " + e.getMessage(), e);
                } catch (Error e) {
                    // An OutOfMemoryError or StackOverflowError: the slot must be given back, or
                    // once every slot was lost this way each later call would wait here forever.
                    synchronized (this) {
                        live--;
                    }
                    throw e;
                }
            }
            try {
                ci = idle.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("interrupted while waiting for a core instance", e);
            }
            if (ci != null) {
                return ci;
            }
        }
    }

    public synchronized int liveInstances() {
        return live;
    }

    public CoreModule module() {
        return module;
    }

    @Override
    public void close() {
        closed = true;
        while (idle.poll() != null) {
            synchronized (this) {
                live--;
            }
        }
    }
}
