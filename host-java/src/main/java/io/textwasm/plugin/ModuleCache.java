package io.textwasm.plugin;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import io.textwasm.Backend;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Parsed and compiled modules by SHA-256, so loading a plugin again (another limit set, another
 * name, after a close) skips parsing and compiling. A bounded LRU in memory, optionally backed
 * by a {@link DiskCache} that survives restarts. Only modules that passed the ABI check are
 * kept.
 */
final class ModuleCache {
    /** A module ready to instantiate. */
    record Compiled(String sha256, WasmModule module, Function<Instance, Machine> machines) {}

    private final Backend backend;
    private final int capacity;
    private final DiskCache disk;
    private final Map<String, Compiled> lru;
    final AtomicInteger compilations = new AtomicInteger();
    final AtomicInteger memoryHits = new AtomicInteger();

    ModuleCache(Backend backend, int capacity, DiskCache disk) {
        this.backend = backend;
        this.capacity = capacity;
        this.disk = disk;
        this.lru = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
                return size() > ModuleCache.this.capacity;
            }
        };
    }

    synchronized Compiled get(String sha256) {
        Compiled c = lru.get(sha256);
        if (c != null) {
            memoryHits.incrementAndGet();
        }
        return c;
    }

    synchronized void put(Compiled c) {
        if (capacity > 0) {
            lru.putIfAbsent(c.sha256(), c);
        }
    }

    synchronized int size() {
        return lru.size();
    }

    DiskCache disk() {
        return disk;
    }

    /** Machines for {@code m}: compiled (or loaded from disk), or the interpreter. */
    Function<Instance, Machine> machines(WasmModule m) {
        if (backend == Backend.INTERPRETER) {
            return InterpreterMachine::new;
        }
        // SILENT: a function too large for one JVM method runs interpreted, which is slower
        // but correct; the default would print a warning to stderr, under the CLI's output.
        MachineFactoryCompiler.Builder b = MachineFactoryCompiler.builder(m).withInterpreterFallback(InterpreterFallback.SILENT);
        if (disk == null) {
            compilations.incrementAndGet();
            return b.compile();
        }
        int hitsBefore = disk.hits.get();
        try {
            Function<Instance, Machine> f = b.withCache(disk).compile();
            if (disk.hits.get() == hitsBefore) {
                compilations.incrementAndGet();
            }
            return f;
        } catch (RuntimeException e) {
            if (disk.hits.get() == hitsBefore) {
                throw e; // compiling failed, not the cache
            }
            // A cached jar that verifies but will not load: drop it and compile afresh.
            disk.evict(m.digest());
            compilations.incrementAndGet();
            return MachineFactoryCompiler.builder(m).withInterpreterFallback(InterpreterFallback.SILENT).compile();
        }
    }
}
