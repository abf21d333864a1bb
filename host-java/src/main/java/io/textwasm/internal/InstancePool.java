package io.textwasm.internal;

import io.textwasm.EngineException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger live = new AtomicInteger();
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
        try {
            return work.apply(ci);
        } finally {
            // Kept after failures too (invalid UTF-8 is an answer, not damage) unless the instance
            // marked itself broken (trap, interruption, out of memory) or grew too much.
            release(ci, ci.reusable(keepPages));
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
            int n = live.get();
            if (n < max && live.compareAndSet(n, n + 1)) {
                try {
                    return create.get();
                } catch (RuntimeException e) {
                    live.decrementAndGet();
                    throw e instanceof EngineException ? e : new EngineException("cannot instantiate the core: " + e.getMessage(), e);
                } catch (Error e) {
                    // An OutOfMemoryError, say: the slot must be given back, or once every slot
                    // was lost this way each later call would wait here forever.
                    live.decrementAndGet();
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

    private void release(CoreInstance ci, boolean keep) {
        if (keep && !closed && idle.offer(ci)) {
            return;
        }
        live.decrementAndGet();
    }

    public int liveInstances() {
        return live.get();
    }

    public CoreModule module() {
        return module;
    }

    @Override
    public void close() {
        closed = true;
        while (idle.poll() != null) {
            live.decrementAndGet();
        }
    }
}
