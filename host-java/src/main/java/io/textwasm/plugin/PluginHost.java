package io.textwasm.plugin;

import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.textwasm.Backend;
import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs untrusted WebAssembly text plugins (docs/plugin-abi.md) in a sandbox: a plugin sees
 * only its own linear memory and the host functions of the ABI, and every call is bounded in
 * time, memory, input, output and call depth. Whatever a plugin does, the failure is a typed
 * {@link PluginException} naming it, and the host, the engine and the other plugins carry on.
 *
 * <pre>{@code
 * try (PluginHost host = PluginHost.builder().engine(engine).build()) {
 *     Plugin fold = host.loader(Path.of("fold-width.wasm"))
 *             .sha256("4e50ba54…")                 // refuse anything else
 *             .timeout(Duration.ofMillis(500))
 *             .maxMemory(16 << 20)
 *             .load();
 *     fold.transform("ｶﾞｰﾃﾞﾝ ＡＢＣ");                // "ガーデン ABC"
 * }
 * }</pre>
 *
 * <p>Thread-safe. Compiled modules are cached by SHA-256 (a bounded LRU, and optionally a
 * directory that survives restarts), so loading the same module again costs no compilation.
 */
public final class PluginHost implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final long DEFAULT_MAX_MEMORY = 64L << 20;
    public static final int DEFAULT_MAX_INPUT = 16 << 20;
    public static final int DEFAULT_MAX_OUTPUT = 64 << 20;
    public static final int DEFAULT_MAX_CALL_DEPTH = 4;
    public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Larger modules are refused before they are read whole (the examples are about 5 KB).
     * Parsing and compiling are not under the call timeout, so this and the ABI's caps on
     * functions and locals are what bound them.
     */
    public static final long MAX_MODULE_BYTES = 16L << 20;
    /** Chicory keeps memory in Java arrays, indexed by int: 32767 pages, just under 2 GiB. */
    public static final long MAX_MEMORY = (long) Memory.RUNTIME_MAX_PAGES << 16;

    private final Supplier<TextEngine> engines;
    private final Backend backend;
    private final ModuleCache modules;
    private final PluginLog log;
    private final Deadline.Watchdog watchdog = new Deadline.Watchdog();
    private final Set<Plugin> plugins = ConcurrentHashMap.newKeySet();
    private final Object engineLock = new Object();
    private TextEngine ownEngine;
    private volatile boolean closed;

    private PluginHost(Builder b) {
        this.engines = b.engines;
        this.backend = b.backend;
        this.log = b.log;
        this.modules = new ModuleCache(b.backend, b.cacheSize, b.cacheDirectory == null ? null : DiskCache.open(b.cacheDirectory));
    }

    /** A host with the defaults: the runtime compiler, its own engine, logs to System.Logger. */
    public static PluginHost create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for a host. */
    public static final class Builder {
        private Supplier<TextEngine> engines;
        private Backend backend = Backend.COMPILER;
        private int cacheSize = 32;
        private Path cacheDirectory;
        private PluginLog log = PluginLog.systemLogger();

        private Builder() {}

        /**
         * The engine behind the host functions (normalize, segment, count, truncate). Default:
         * one the host creates when a plugin first needs it, and closes with itself.
         */
        public Builder engine(TextEngine engine) {
            Objects.requireNonNull(engine, "engine");
            this.engines = () -> engine;
            return this;
        }

        /** As {@link #engine(TextEngine)}, asked for only when a plugin first calls the engine. */
        public Builder engine(Supplier<TextEngine> engines) {
            this.engines = Objects.requireNonNull(engines, "engines");
            return this;
        }

        /**
         * COMPILER (the default: plugins are compiled to JVM bytecode when loaded) or INTERPRETER
         * (no code generation; far slower). AOT is for modules known when textwasm is built, so
         * it does not apply to plugins.
         */
        public Builder backend(Backend backend) {
            if (Objects.requireNonNull(backend, "backend") == Backend.AOT) {
                throw new IllegalArgumentException("plugins are not known when textwasm is built: use the compiler or interpreter backend");
            }
            this.backend = backend;
            return this;
        }

        /** How many compiled modules to keep in memory, least recently loaded dropped first (default 32). */
        public Builder cacheSize(int modules) {
            if (modules < 0) {
                throw new IllegalArgumentException("cacheSize must not be negative: " + modules);
            }
            this.cacheSize = modules;
            return this;
        }

        /**
         * Also keep compiled modules in this directory, so a restarted JVM loads them without
         * compiling. It holds code the JVM will run: it must be writable by this user only
         * (it is created so; a directory others can write to is refused when building).
         */
        public Builder cacheDirectory(Path dir) {
            this.cacheDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Where plugins' log messages go (default: {@link PluginLog#systemLogger()}). */
        public Builder log(PluginLog log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        public PluginHost build() {
            return new PluginHost(this);
        }
    }

    /** Limits and pool settings of one plugin (see {@link Loader}). */
    record Limits(Duration timeout, int maxMemoryPages, int maxInputBytes, int maxOutputBytes, int maxCallDepth,
            InstancePolicy policy, int minInstances, int maxInstances, Duration acquireTimeout) {}

    /** Loads a module from a file; the file name (without .wasm) names it if its metadata does not. */
    public Loader loader(Path wasm) {
        return new Loader(Objects.requireNonNull(wasm, "wasm"), null);
    }

    /** Loads a module from bytes. */
    public Loader loader(byte[] wasm) {
        return new Loader(null, Objects.requireNonNull(wasm, "wasm").clone());
    }

    /** {@code loader(wasm).load()}: the default limits. */
    public Plugin load(Path wasm) {
        return loader(wasm).load();
    }

    /** {@code loader(wasm).load()}: the default limits. */
    public Plugin load(byte[] wasm) {
        return loader(wasm).load();
    }

    /** One plugin's settings, then {@link #load()}. */
    public final class Loader {
        private final Path path;
        private byte[] bytes;
        private String name;
        private String sha256;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxMemory = DEFAULT_MAX_MEMORY;
        private int maxInput = DEFAULT_MAX_INPUT;
        private int maxOutput = DEFAULT_MAX_OUTPUT;
        private int maxCallDepth = DEFAULT_MAX_CALL_DEPTH;
        private InstancePolicy policy = InstancePolicy.REUSE;
        private int minInstances = 0;
        private int maxInstances = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Duration acquireTimeout = DEFAULT_ACQUIRE_TIMEOUT;

        private Loader(Path path, byte[] bytes) {
            this.path = path;
            this.bytes = bytes;
        }

        /** The name errors and logs use (default: the metadata's, else the file's). */
        public Loader name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Refuses the module unless its SHA-256 is this (hex, any case). */
        public Loader sha256(String hex) {
            String h = Objects.requireNonNull(hex, "hex").trim().toLowerCase(java.util.Locale.ROOT);
            if (!h.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("a SHA-256 is 64 hex digits: '" + hex + "'");
            }
            this.sha256 = h;
            return this;
        }

        /** Wall-clock limit of each call, and of instantiation (default 5s). */
        public Loader timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Linear memory limit, rounded down to whole 64 KiB pages (default 64 MiB, at most {@link #MAX_MEMORY}). */
        public Loader maxMemory(long bytes) {
            if (bytes < 65536 || bytes > MAX_MEMORY) {
                throw new IllegalArgumentException("maxMemory must be within 64 KiB.." + Units.bytes(MAX_MEMORY) + ": " + bytes);
            }
            this.maxMemory = bytes;
            return this;
        }

        /** Longest input in UTF-8 bytes (default 16 MiB). */
        public Loader maxInputBytes(int n) {
            this.maxInput = nonNegative("maxInputBytes", n);
            return this;
        }

        /** Longest output in UTF-8 bytes (default 64 MiB). */
        public Loader maxOutputBytes(int n) {
            this.maxOutput = nonNegative("maxOutputBytes", n);
            return this;
        }

        /**
         * Plugin calls on the stack at once: a transform is 1, the allocator called by a host
         * function it called is 2, and so on (default 4; at least 2, or host functions that
         * return text could not work).
         */
        public Loader maxCallDepth(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("maxCallDepth must be at least 2: " + n);
            }
            this.maxCallDepth = n;
            return this;
        }

        /** FRESH or REUSE (the default). */
        public Loader instancePolicy(InstancePolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /** Instances created when loading (default 0, but one is always made to run the start function). */
        public Loader minInstances(int n) {
            this.minInstances = nonNegative("minInstances", n);
            return this;
        }

        /** At most this many calls run at once (default: the number of processors). */
        public Loader maxInstances(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxInstances must be at least 1: " + n);
            }
            this.maxInstances = n;
            return this;
        }

        /** How long a call waits for a free instance (default 10s). */
        public Loader acquireTimeout(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("acquireTimeout must not be negative: " + d);
            }
            this.acquireTimeout = d;
            return this;
        }

        private int nonNegative(String what, int n) {
            if (n < 0) {
                throw new IllegalArgumentException(what + " must not be negative: " + n);
            }
            return n;
        }

        /**
         * Checks and loads the module: its SHA-256 against the pin, its structure against the
         * ABI, then instantiates it (running its start function under the timeout).
         */
        public Plugin load() {
            if (closed) {
                throw new IllegalStateException("the PluginHost is closed");
            }
            if (minInstances > maxInstances) {
                throw new IllegalArgumentException("minInstances " + minInstances + " exceeds maxInstances " + maxInstances);
            }
            String fileName = null;
            if (path != null) {
                fileName = path.getFileName() == null ? null : path.getFileName().toString().replaceFirst("\\.wasm$", "");
                try {
                    if (Files.size(path) > MAX_MODULE_BYTES) {
                        throw tooLarge(Files.size(path), new Failures(name != null ? name : fileName, DEFAULT_MAX_MEMORY));
                    }
                    bytes = Files.readAllBytes(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read plugin " + path + ": " + e.getMessage(), e);
                }
            }
            String sha = HexFormat.of().formatHex(DiskCache.sha256(bytes));
            String provisional = name != null ? name : fileName != null ? fileName : "sha256:" + sha.substring(0, 12);
            int capPages = (int) (maxMemory >> 16);
            Failures early = new Failures(provisional, (long) capPages << 16);
            if (sha256 != null && !sha256.equals(sha)) {
                throw new PluginDigestMismatchException(provisional, "SHA-256 " + sha + " is not the pinned " + sha256, null);
            }
            ModuleCache.Compiled compiled = modules.get(sha);
            WasmModule module = compiled != null ? compiled.module() : parse(bytes, early);
            PluginInspection inspection = AbiCheck.inspect(module, sha, bytes.length, capPages);
            String finalName = name != null ? name : inspection.metadata().name().orElse(provisional);
            Failures f = new Failures(finalName, (long) capPages << 16);
            if (!inspection.problems().isEmpty()) {
                PluginInspection.Problem p = inspection.problems().get(0);
                switch (p.kind()) {
                    case REFUSED_IMPORT: throw f.refusedImport(p.message());
                    case MEMORY_LIMIT: throw new PluginMemoryLimitException(finalName, p.message(), null);
                    default: throw f.abi(p.message());
                }
            }
            if (compiled == null) {
                try {
                    compiled = new ModuleCache.Compiled(sha, module, modules.machines(module));
                } catch (RuntimeException | StackOverflowError e) {
                    // A valid module past the compiler's own limits (a function of 200 i64
                    // parameters, a v128 local, an expression 200,000 deep) runs in the
                    // interpreter: slower, under the same limits, rather than refused.
                    compiled = new ModuleCache.Compiled(sha, module, InterpreterMachine::new);
                    log.log(finalName, PluginLog.Level.WARN, "the runtime compiler cannot compile it ("
                            + PluginInstance.printable(String.valueOf(e.getMessage())) + "); it runs in the interpreter, far slower");
                }
                modules.put(compiled);
            }
            if (inspection.imports().stream().anyMatch(i -> !i.name().equals("log"))) {
                // Start the engine now: its first instance (tables expanded, classes loaded, for
                // the interpreter seconds) is the host's cost, not the plugin's first call's.
                engine().isNormalized("", NormalizationForm.NFC);
            }
            Limits limits = new Limits(timeout, capPages, maxInput, maxOutput, maxCallDepth, policy, minInstances, maxInstances, acquireTimeout);
            Plugin plugin = new Plugin(PluginHost.this, finalName, compiled, inspection, limits);
            plugins.add(plugin);
            return plugin;
        }
    }

    private static MalformedPluginException tooLarge(long size, Failures f) {
        return f.malformed("module of " + size + " bytes is larger than the " + Units.bytes(MAX_MODULE_BYTES) + " the host accepts", null);
    }

    static WasmModule parse(byte[] bytes, Failures f) {
        if (bytes.length > MAX_MODULE_BYTES) {
            throw tooLarge(bytes.length, f);
        }
        if (bytes.length < 8 || bytes[0] != 0 || bytes[1] != 'a' || bytes[2] != 's' || bytes[3] != 'm') {
            throw f.malformed("malformed module: not WebAssembly (no \\0asm header)", null);
        }
        try {
            return Parser.parse(bytes);
        } catch (InvalidException e) {
            throw f.malformed("invalid module: " + e.getMessage(), e);
        } catch (MalformedException e) {
            throw f.malformed("malformed module: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The parser's own failures on hostile input (bad lengths, huge counts).
            throw f.malformed("malformed module: " + e, e);
        }
    }

    /**
     * What a module imports and exports and whether it follows the ABI, without running it.
     * {@code maxMemory} is the limit its memory is checked against.
     */
    public static PluginInspection inspect(byte[] wasm, long maxMemory) {
        String sha = HexFormat.of().formatHex(DiskCache.sha256(wasm));
        WasmModule m = parse(wasm, new Failures("sha256:" + sha.substring(0, 12), maxMemory));
        return AbiCheck.inspect(m, sha, wasm.length, (int) Math.min(Memory.RUNTIME_MAX_PAGES, maxMemory >> 16));
    }

    public static PluginInspection inspect(byte[] wasm) {
        return inspect(wasm, DEFAULT_MAX_MEMORY);
    }

    public Backend backend() {
        return backend;
    }

    TextEngine engine() {
        if (engines != null) {
            return engines.get();
        }
        synchronized (engineLock) {
            if (closed) {
                throw new IllegalStateException("the PluginHost is closed");
            }
            if (ownEngine == null) {
                ownEngine = TextEngine.create();
            }
            return ownEngine;
        }
    }

    PluginLog log() {
        return log;
    }

    Deadline.Watchdog watchdog() {
        return watchdog;
    }

    ModuleCache modules() {
        return modules;
    }

    void forget(Plugin p) {
        plugins.remove(p);
    }

    /** Closes every plugin it loaded, its watchdog, and the engine it created (not one it was given). */
    @Override
    public void close() {
        closed = true;
        for (Plugin p : plugins.toArray(new Plugin[0])) {
            p.close();
        }
        watchdog.close();
        synchronized (engineLock) {
            if (ownEngine != null) {
                ownEngine.close();
                ownEngine = null;
            }
        }
    }
}
