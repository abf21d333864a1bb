package io.textwasm.plugin;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.textwasm.InvalidUtf8Exception;
import io.textwasm.TextEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded plugin: a module that passed the ABI check, its limits, and a pool of instances.
 * Thread-safe: share it. Each call borrows an instance for itself (waiting up to the acquire
 * timeout when all are busy), runs under the wall-clock limit, and on any failure the
 * instance is discarded, so the next call starts from a fresh one.
 *
 * <pre>{@code
 * try (PluginHost host = PluginHost.create()) {
 *     Plugin redact = host.load(Path.of("redact.wasm"));
 *     redact.transform("mail ann@example.com");   // "mail [email]"
 * }
 * }</pre>
 */
public final class Plugin implements AutoCloseable {
    private final PluginHost host;
    private final String name;
    private final ModuleCache.Compiled compiled;
    private final PluginInspection inspection;
    private final PluginHost.Limits limits;
    private final Failures failures;
    private final MemoryLimits memoryLimits;
    private final boolean hasFree;

    private final Semaphore permits;
    private final ConcurrentLinkedDeque<PluginInstance> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger instantiations = new AtomicInteger();
    private volatile boolean closed;

    Plugin(PluginHost host, String name, ModuleCache.Compiled compiled, PluginInspection inspection, PluginHost.Limits limits) {
        this.host = host;
        this.name = name;
        this.compiled = compiled;
        this.inspection = inspection;
        this.limits = limits;
        this.failures = new Failures(name, limits.maxMemoryPages() * 65536L, compiled.module().startSection().isPresent());
        long declaredMax = inspection.memoryMaxPages() < 0 ? MemoryLimits.MAX_PAGES : inspection.memoryMaxPages();
        this.memoryLimits = new MemoryLimits((int) inspection.memoryMinPages(), (int) Math.min(declaredMax, limits.maxMemoryPages()));
        this.hasFree = inspection.exports().stream().anyMatch(e -> e.name().equals(AbiCheck.FREE));
        this.permits = new Semaphore(limits.maxInstances(), true);
        // At least one instance now: a start function that traps or loops fails the load, not
        // the first call.
        for (int i = 0; i < Math.max(1, limits.minInstances()); i++) {
            idle.add(instantiate());
        }
    }

    /** The name errors and logs use: metadata's, else the file's, else the SHA-256's start. */
    public String name() {
        return name;
    }

    /** SHA-256 of the module, hex. */
    public String sha256() {
        return compiled.sha256();
    }

    public PluginMetadata metadata() {
        return inspection.metadata();
    }

    /** The transforms the module exports, in export order. */
    public List<String> transforms() {
        return inspection.transforms();
    }

    /** The metadata's default transform, else the only one there is. */
    public Optional<String> defaultTransform() {
        Optional<String> d = metadata().defaultTransform();
        if (d.isPresent()) {
            return d;
        }
        return transforms().size() == 1 ? Optional.of(transforms().get(0)) : Optional.empty();
    }

    public PluginInspection inspection() {
        return inspection;
    }

    /** Runs the default transform. */
    public String transform(String text) {
        return transform(defaultTransform().orElseThrow(() -> new IllegalArgumentException("plugin '" + name
                + "' has several transforms (" + String.join(", ", transforms()) + ") and no default; name one")), text);
    }

    /** Runs the transform {@code function} on {@code text}. Unpaired surrogates go in as U+FFFD. */
    public String transform(String function, String text) {
        return new String(call(function, utf8(text)), StandardCharsets.UTF_8);
    }

    /** UTF-8 of a Java string, each unpaired surrogate as U+FFFD (the JDK would write '?'). */
    static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (!paired) {
                    StringBuilder b = new StringBuilder(s);
                    for (int k = i; k < b.length(); k++) {
                        char ck = b.charAt(k);
                        if (Character.isHighSurrogate(ck) && k + 1 < b.length() && Character.isLowSurrogate(b.charAt(k + 1))) {
                            k++;
                        } else if (Character.isSurrogate(ck)) {
                            b.setCharAt(k, '\uFFFD');
                        }
                    }
                    return b.toString().getBytes(StandardCharsets.UTF_8);
                }
                i++;
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * UTF-8 in, UTF-8 out. Ill-formed input throws {@link InvalidUtf8Exception} before anything
     * runs (plugins are promised well-formed text); the output is checked the same way.
     */
    public byte[] transform(String function, byte[] utf8) {
        return call(function, utf8);
    }

    private byte[] call(String function, byte[] input) {
        if (closed) {
            throw new IllegalStateException("plugin '" + name + "' is closed");
        }
        if (!transforms().contains(function)) {
            throw new IllegalArgumentException("plugin '" + name + "' has no transform '" + function + "' (it has: "
                    + String.join(", ", transforms()) + ")");
        }
        if (input.length > limits.maxInputBytes()) {
            throw failures.inputTooLarge(input.length, limits.maxInputBytes());
        }
        int bad = Utf8Check.firstInvalid(input, input.length);
        if (bad >= 0) {
            throw new InvalidUtf8Exception(bad, "plugin '" + name + "' input");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw failures.interrupted();
        }
        acquirePermit();
        PluginInstance pi = idle.pollFirst();
        Deadline d;
        try {
            d = Deadline.start(host.watchdog(), limits.timeout());
        } catch (RuntimeException e) {
            release(pi, false); // the host was closed under us
            throw e;
        }
        boolean starting = pi == null;
        boolean keep = false;
        byte[] out = null;
        PluginException failure = null;
        try {
            if (pi == null) {
                pi = new PluginInstance(this);
                pi.instantiate(d);
                instantiations.incrementAndGet();
                live.incrementAndGet();
                starting = false;
            }
            pi.begin(d);
            out = run(pi, function, input);
            keep = true;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            failure = failures.classify(e, pi, d, starting);
            // A plugin that reported an error returned normally: its instance is sound.
            keep = failure instanceof PluginErrorException;
        } finally {
            if (d.finish() && !(failure instanceof PluginTimeoutException)) {
                failure = failures.timeout(d, starting);
                keep = false;
            }
            if (pi != null) {
                pi.end();
            }
            release(starting ? null : pi, keep && limits.policy() == InstancePolicy.REUSE);
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    /** One transform call on an instance: input in, call, descriptor, output out. */
    private byte[] run(PluginInstance pi, String function, byte[] input) {
        GuardedMemory mem = pi.memory();
        int len = input.length;
        int inPtr = 0;
        if (len > 0) {
            inPtr = pi.alloc(null, len);
            if (inPtr == 0) {
                throw failures.memoryLimit(AbiCheck.ALLOC + " could not allocate " + len + " bytes for the input");
            }
            mem.write(inPtr, input, 0, len);
        }
        ExportFunction transform = pi.export(AbiCheck.TRANSFORM_PREFIX + function);
        long desc = pi.enter(transform, inPtr, len)[0] & 0xFFFFFFFFL;
        if (!pi.inMemory(desc, 12)) {
            throw failures.abi("the result descriptor at " + desc + " is outside memory (" + pi.memoryBytes() + " bytes)");
        }
        int status = mem.readInt((int) desc);
        long ptr = Integer.toUnsignedLong(mem.readInt((int) desc + 4));
        long n = Integer.toUnsignedLong(mem.readInt((int) desc + 8));
        if (status < 0) {
            throw failures.abi("status " + status + " is not defined (0 is success, 1 or more an error code)");
        }
        byte[] out = null;
        PluginException error = null;
        if (status > 0) {
            error = new PluginErrorException(name, status, message(pi, ptr, n));
        } else {
            if (n > limits.maxOutputBytes()) {
                throw failures.output("output of " + n + " bytes exceeds the limit of " + Units.bytes(limits.maxOutputBytes()));
            }
            if (!pi.inMemory(ptr, n)) {
                throw failures.output("output at " + ptr + " of " + n + " bytes is outside memory (" + pi.memoryBytes() + " bytes)");
            }
            out = n == 0 ? new byte[0] : mem.readBytes((int) ptr, (int) n);
            int bad = Utf8Check.firstInvalid(out, out.length);
            if (bad >= 0) {
                throw failures.output("output is not UTF-8 (at byte offset " + bad + ")");
            }
        }
        if (inPtr != 0 && hasFree) {
            pi.enter(pi.export(AbiCheck.FREE), inPtr, len);
        }
        if (error != null) {
            throw error;
        }
        return out;
    }

    /** A plugin's error message: at most 1 KiB, lossy, printable; a bad pointer is not fatal here. */
    private static String message(PluginInstance pi, long ptr, long n) {
        // Only the first KiB is shown, so only it must be in memory.
        int k = (int) Math.max(0, Math.min(n, 1024));
        if (n < 0 || !pi.inMemory(ptr, k)) {
            return "(its message is outside memory)";
        }
        if (k == 0) {
            return "";
        }
        return PluginInstance.printable(new String(pi.memory().readBytes((int) ptr, k), StandardCharsets.UTF_8));
    }

    private void acquirePermit() {
        try {
            if (!permits.tryAcquire(Deadline.nanos(limits.acquireTimeout()), TimeUnit.NANOSECONDS)) {
                throw failures.busy(limits.maxInstances(), limits.acquireTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.interrupted();
        }
    }

    private void release(PluginInstance pi, boolean keep) {
        try {
            if (pi != null) {
                if (keep && !closed) {
                    idle.addFirst(pi); // most recently used first: its memory is warm
                } else {
                    live.decrementAndGet();
                }
            }
        } finally {
            permits.release();
        }
    }

    /** An instance made outside any call (at load), under its own deadline. */
    private PluginInstance instantiate() {
        PluginInstance pi = new PluginInstance(this);
        Deadline d = Deadline.start(host.watchdog(), limits.timeout());
        PluginException failure = null;
        try {
            pi.instantiate(d);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            failure = failures.classify(e, pi, d, true);
        } finally {
            if (d.finish() && !(failure instanceof PluginTimeoutException)) {
                failure = failures.timeout(d, true);
            }
            pi.end();
        }
        if (failure != null) {
            throw failure;
        }
        instantiations.incrementAndGet();
        live.incrementAndGet();
        return pi;
    }

    // ---------------------------------------------------------------- for the instances

    ModuleCache.Compiled compiled() {
        return compiled;
    }

    MemoryLimits memoryLimits() {
        return memoryLimits;
    }

    int maxCallDepth() {
        return limits.maxCallDepth();
    }

    int maxInputBytes() {
        return limits.maxInputBytes();
    }

    Failures failures() {
        return failures;
    }

    TextEngine engine() {
        return host.engine();
    }

    void log(PluginLog.Level level, String message) {
        try {
            host.log().log(name, level, message);
        } catch (RuntimeException e) {
            // A failing log sink is the application's problem; it must not fail the plugin's call.
        }
    }

    // ---------------------------------------------------------------- diagnostics (tests)

    int liveInstances() {
        return live.get();
    }

    int idleInstances() {
        return idle.size();
    }

    int instantiations() {
        return instantiations.get();
    }

    Duration timeout() {
        return limits.timeout();
    }

    /** Drops the idle instances; calls in progress finish, later ones throw IllegalStateException. */
    @Override
    public void close() {
        closed = true;
        while (idle.pollFirst() != null) {
            live.decrementAndGet();
        }
        host.forget(this);
    }
}
