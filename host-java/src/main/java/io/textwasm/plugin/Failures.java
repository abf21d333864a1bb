package io.textwasm.plugin;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;

/**
 * Builds one plugin's exceptions, and decides which one a failure inside Chicory was. The
 * order of the decision matters: the deadline first (an interrupted call fails in whatever
 * way the interrupt surfaced), then what the host recorded itself, then the stack, then a
 * refused memory.grow (the cause behind the trap or error that followed it), then the trap.
 */
final class Failures {
    private final String plugin;
    private final long maxMemoryBytes;
    /** Where a new instance's time goes: its start function, or only memory and data segments. */
    private final String instantiating;

    Failures(String plugin, long maxMemoryBytes) {
        this(plugin, maxMemoryBytes, true);
    }

    Failures(String plugin, long maxMemoryBytes, boolean hasStartFunction) {
        this.plugin = plugin;
        this.maxMemoryBytes = maxMemoryBytes;
        this.instantiating = hasStartFunction ? " in the start function" : " while instantiating";
    }

    PluginTimeoutException timeout(Deadline d, boolean starting) {
        return new PluginTimeoutException(plugin, "timed out after " + Units.duration(d.timeout())
                + (starting ? instantiating : ""), null);
    }

    /**
     * The JVM ran out of heap during a call. The module's own memory is capped, so this is heap
     * the runtime spent for it (its frames, its tables); the instance is dropped with it.
     */
    PluginMemoryLimitException outOfHeap() {
        return new PluginMemoryLimitException(plugin, "the JVM ran out of heap while the plugin ran"
                + " (outside its memory limit of " + Units.bytes(maxMemoryBytes) + ")", null);
    }

    PluginStackExhaustedException stackExhausted(String reason) {
        return new PluginStackExhaustedException(plugin, reason, null);
    }

    PluginMemoryLimitException memoryLimit(String detail) {
        return new PluginMemoryLimitException(plugin, "memory limit " + Units.bytes(maxMemoryBytes) + " exceeded"
                + (detail == null ? "" : " (" + detail + ")"), null);
    }

    PluginAbiException abi(String reason) {
        return new PluginAbiException(plugin, "ABI violation: " + reason, null);
    }

    InvalidPluginOutputException output(String reason) {
        return new InvalidPluginOutputException(plugin, "invalid output: " + reason, null);
    }

    RefusedImportException refusedImport(String reason) {
        return new RefusedImportException(plugin, reason, null);
    }

    MalformedPluginException malformed(String reason, Throwable cause) {
        return new MalformedPluginException(plugin, reason, cause);
    }

    PluginInputTooLargeException inputTooLarge(long size, long max) {
        return new PluginInputTooLargeException(plugin, "input of " + size + " bytes exceeds the limit of " + Units.bytes(max), null);
    }

    PluginBusyException busy(int instances, java.time.Duration waited) {
        return new PluginBusyException(plugin, "all " + instances + " instances stayed busy for " + Units.duration(waited), null);
    }

    PluginInterruptedException interrupted() {
        return new PluginInterruptedException(plugin, "interrupted", null);
    }

    /** A failure thrown while instantiating or calling, as the plugin exception it stands for. */
    PluginException classify(Throwable t, PluginInstance pi, Deadline d, boolean starting) {
        if (d != null && d.expired()) {
            return timeout(d, starting);
        }
        if (t instanceof OutOfMemoryError) {
            return outOfHeap();
        }
        if (pi != null && pi.aborted() != null) {
            return pi.aborted();
        }
        if (isStackExhausted(t)) {
            return stackExhausted("stack exhausted" + (starting ? " in the start function" : "")
                    + ": the plugin recursed deeper than the JVM stack allows");
        }
        if (t instanceof ChicoryInterruptedException) {
            return interrupted();
        }
        GuardedMemory mem = pi == null ? null : pi.memory();
        boolean growRefused = mem != null && mem.growRefused();
        if (t instanceof PluginException) {
            PluginException pe = (PluginException) t;
            return growRefused && !(pe instanceof PluginMemoryLimitException)
                    ? memoryLimit("memory.grow was refused, then " + pe.reason()) : pe;
        }
        String trap = trapWords(t);
        if (growRefused) {
            return memoryLimit("memory.grow was refused, then trap: " + trap);
        }
        String where = starting
                ? (t instanceof UninstantiableException && t.getCause() instanceof ChicoryException ? "trap in the start function: " : "trap while instantiating: ")
                : "trap: ";
        return new PluginTrapException(plugin, where + trap, t);
    }

    private static boolean isStackExhausted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StackOverflowError || "call stack exhausted".equals(c.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Chicory's trap message in the spec's words: "unreachable", "integer divide by zero". */
    static String trapWords(Throwable t) {
        Throwable c = t instanceof UninstantiableException && t.getCause() != null ? t.getCause() : t;
        if (c instanceof WasmException) {
            return "uncaught exception (the plugin threw a wasm exception and did not catch it)";
        }
        String m = c.getMessage();
        if (m == null || m.isBlank()) {
            return c.getClass().getSimpleName();
        }
        if (m.equals("Trapped on unreachable instruction")) {
            return "unreachable";
        }
        return m.startsWith("Trapped on ") ? m.substring("Trapped on ".length()) : m;
    }
}
