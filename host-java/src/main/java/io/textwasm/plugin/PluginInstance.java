package io.textwasm.plugin;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One instance of a plugin and the state of the call it is running. Confined to one thread at
 * a time by the plugin's pool (a Chicory instance is not thread-safe, and neither is this).
 *
 * <p>Every entry into the module's code goes through {@link #enter}, which counts the plugin
 * calls on the stack: a transform calling the host, which calls the plugin's allocator, is two.
 * A plugin whose allocator calls the host again recurses through the host; the count is what
 * stops it, before the JVM stack does.
 */
final class PluginInstance {
    final Plugin plugin;
    private Instance instance;
    private GuardedMemory memory;
    private final Map<String, ExportFunction> exports = new HashMap<>();

    // The call in progress.
    private int depth;
    private PluginException abort;
    private Deadline deadline;
    private int logged;
    private int dropped;

    PluginInstance(Plugin plugin) {
        this.plugin = plugin;
    }

    /** Instantiates the module, which runs its start function, under {@code deadline}. */
    void instantiate(Deadline deadline) {
        begin(deadline);
        depth = 1; // the start function is a plugin call like any other
        try {
            instance = Instance.builder(plugin.compiled().module())
                    .withMachineFactory(plugin.compiled().machines())
                    .withImportValues(HostFunctions.imports(this))
                    .withMemoryFactory(this::memory)
                    .withMemoryLimits(plugin.memoryLimits())
                    // The ABI's only initialiser is the wasm start function; a WASI-style
                    // `_start` export is just an export here and is never run.
                    .withStart(false)
                    .build();
        } finally {
            depth = 0;
        }
    }

    private GuardedMemory memory(MemoryLimits limits) {
        memory = new GuardedMemory(limits);
        return memory;
    }

    GuardedMemory memory() {
        return memory;
    }

    /** Resets the per-call state. */
    void begin(Deadline d) {
        deadline = d;
        depth = 0;
        abort = null;
        logged = 0;
        dropped = 0;
        if (memory != null) {
            memory.clearGrowRefused();
        }
    }

    /** Ends the call: reports dropped log messages. */
    void end() {
        if (dropped > 0) {
            plugin.log(PluginLog.Level.WARN, dropped + " more log messages dropped (at most "
                    + PluginLog.MAX_MESSAGES_PER_CALL + " per call)");
        }
        deadline = null;
    }

    Deadline deadline() {
        return deadline;
    }

    /** The failure that must end this call, recorded where it was found (a host function). */
    PluginException aborted() {
        return abort;
    }

    PluginException abort(PluginException e) {
        if (abort == null) {
            abort = e;
        }
        return abort;
    }

    ExportFunction export(String name) {
        ExportFunction f = exports.get(name);
        if (f == null) {
            f = instance.export(name);
            exports.put(name, f);
        }
        return f;
    }

    /** Calls into the module, counting the depth. */
    long[] enter(ExportFunction f, long... args) {
        if (depth >= plugin.maxCallDepth()) {
            throw abort(plugin.failures().stackExhausted("call depth limit " + plugin.maxCallDepth()
                    + " exceeded: the plugin re-entered the host " + (depth - 1) + " times"));
        }
        depth++;
        try {
            return f.apply(args);
        } finally {
            depth--;
        }
    }

    /**
     * Calls {@code tw_plugin_alloc}. Host functions pass their {@code Instance}, which during
     * the start function is the only handle there is; the host's own calls pass null.
     */
    int alloc(Instance inst, int size) {
        ExportFunction f = inst == null || inst == instance ? export(AbiCheck.ALLOC) : inst.export(AbiCheck.ALLOC);
        int ptr = (int) enter(f, size)[0];
        if (ptr != 0 && !inMemory(Integer.toUnsignedLong(ptr), size)) {
            throw abort(plugin.failures().abi(AbiCheck.ALLOC + "(" + size + ") returned " + Integer.toUnsignedString(ptr)
                    + ", which is outside memory (" + memoryBytes() + " bytes)"));
        }
        return ptr;
    }

    long memoryBytes() {
        return (long) memory.pages() << 16;
    }

    /** Whether (ptr, len) lies in memory; with len 0 the pointer is not read, so any will do (the ABI's rule). */
    boolean inMemory(long ptr, long len) {
        return len == 0 || ptr >= 0 && len > 0 && ptr + len <= memoryBytes();
    }

    /** A log message from the plugin, within the per-call budget. */
    void log(int level, byte[] utf8) {
        if (logged >= PluginLog.MAX_MESSAGES_PER_CALL) {
            dropped++;
            return;
        }
        logged++;
        PluginLog.Level[] levels = PluginLog.Level.values();
        PluginLog.Level l = level >= 0 && level < levels.length ? levels[level] : PluginLog.Level.INFO;
        plugin.log(l, printable(new String(utf8, StandardCharsets.UTF_8)));
    }

    /**
     * Control characters escaped, so text from a plugin (a log line, an error message, an import
     * or export name, its metadata) can neither drive a terminal nor forge a line of a log: the C0
     * and C1 controls but tab, the line and paragraph separators, and the bidirectional controls
     * that would show the rest of a line reordered.
     */
    static String printable(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029'
                    || c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069');
            if (bad && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (bad) {
                    b.append(String.format("\\u%04X", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
