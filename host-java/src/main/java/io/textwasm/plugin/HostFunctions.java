package io.textwasm.plugin;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import io.textwasm.Granularity;
import io.textwasm.InvalidUtf8Exception;
import io.textwasm.LimitExceededException;
import io.textwasm.NormalizationForm;
import io.textwasm.NormalizationOptions;
import io.textwasm.TextEngine;
import io.textwasm.TextwasmException;
import io.textwasm.Truncation;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The functions a plugin may import from {@code textwasm} (docs/plugin-abi.md, "Host
 * functions"): logging, and the engine's own operations, computed by the host's
 * {@link TextEngine}. Text goes in as (ptr, len) in the plugin's memory and comes back in
 * memory the host obtains from the plugin's allocator, as {@code ptr << 32 | len}.
 *
 * <p>Mistakes a plugin can recover from come back as negative results; failures that must end
 * the call (the deadline, the call depth, an allocator that lies) are recorded on the instance
 * and thrown through the module.
 */
final class HostFunctions {
    private HostFunctions() {}

    static final long INVALID_UTF8 = -1;
    static final long OUT_OF_MEMORY = -2;
    static final long BAD_POINTER = -3;
    static final long BAD_ARGUMENT = -4;
    static final long FAILED = -5;

    private static final NormalizationForm[] FORMS = {
        NormalizationForm.NFC, NormalizationForm.NFD, NormalizationForm.NFKC, NormalizationForm.NFKD, NormalizationForm.NFKC_CASEFOLD
    };
    private static final String[] COUNTS = {"codepoints", "graphemes", "words"};

    static ImportValues imports(PluginInstance pi) {
        return ImportValues.builder()
                .addFunction(fn("log", (inst, a) -> {
                    log(pi, inst, a);
                    return null;
                }))
                .addFunction(fn("normalize", (inst, a) -> guard(pi, "normalize", () -> normalize(pi, inst, a))))
                .addFunction(fn("segment", (inst, a) -> guard(pi, "segment", () -> segment(pi, inst, a))))
                .addFunction(fn("count", (inst, a) -> guard(pi, "count", () -> count(pi, inst, a))))
                .addFunction(fn("truncate", (inst, a) -> guard(pi, "truncate", () -> truncate(pi, inst, a))))
                .build();
    }

    private static HostFunction fn(String name, WasmFunctionHandle h) {
        return new HostFunction(AbiCheck.NAMESPACE, name, AbiCheck.HOST.get(name), h);
    }

    /** Runs a host function's body and turns engine failures into the ABI's results. */
    private static long[] guard(PluginInstance pi, String name, LongSupplier body) {
        try {
            return new long[] {body.getAsLong()};
        } catch (InvalidUtf8Exception e) {
            return new long[] {INVALID_UTF8};
        } catch (PluginException e) {
            throw pi.abort(e);
        } catch (StackOverflowError e) {
            // The plugin recursed until the JVM stack was nearly gone, then called us.
            throw pi.abort(pi.plugin.failures().stackExhausted("stack exhausted (in host function " + AbiCheck.NAMESPACE + "." + name + ")"));
        } catch (TextwasmException | IllegalStateException e) {
            Deadline d = pi.deadline();
            if (d != null && d.expired()) {
                throw pi.abort(pi.plugin.failures().timeout(d, false));
            }
            // The engine's own limits, or a closed engine: the plugin sees FAILED, the log says why.
            pi.plugin.log(PluginLog.Level.WARN, AbiCheck.NAMESPACE + "." + name + " failed: " + e.getMessage());
            return new long[] {FAILED};
        }
    }

    /** Text handed to the engine: null when outside memory; too long ends as FAILED (see {@link #guard}). */
    private static byte[] read(PluginInstance pi, Instance inst, long ptr, long len) {
        long p = ptr & 0xFFFFFFFFL;
        long n = len & 0xFFFFFFFFL;
        if (!pi.inMemory(p, n)) {
            return null;
        }
        // The engine's results can be several times its input (4 bytes per boundary, NFKD's
        // expansions), all on the host's heap: the plugin's input limit bounds that too.
        if (n > pi.plugin.maxInputBytes()) {
            throw new LimitExceededException("text of " + n + " bytes exceeds the plugin's input limit of " + Units.bytes(pi.plugin.maxInputBytes()));
        }
        Memory m = inst.memory();
        return n == 0 ? new byte[0] : m.readBytes((int) p, (int) n);
    }

    /** Copies {@code data} into memory from the plugin's allocator: ptr << 32 | len. */
    private static long place(PluginInstance pi, Instance inst, byte[] data) {
        if (data.length == 0) {
            return 0;
        }
        int ptr = pi.alloc(inst, data.length);
        if (ptr == 0) {
            return OUT_OF_MEMORY;
        }
        inst.memory().write(ptr, data, 0, data.length);
        // Non-negative: memory is at most 32767 pages, so ptr < 2^31.
        return (Integer.toUnsignedLong(ptr) << 32) | data.length;
    }

    private static void log(PluginInstance pi, Instance inst, long[] a) {
        long p = a[1] & 0xFFFFFFFFL;
        long len = a[2] & 0xFFFFFFFFL;
        if (!pi.inMemory(p, len)) {
            return; // a message outside memory is dropped, like one past the budget
        }
        pi.log((int) a[0], len == 0 ? new byte[0] : inst.memory().readBytes((int) p, (int) Math.min(len, PluginLog.MAX_MESSAGE_BYTES)));
    }

    private static long normalize(PluginInstance pi, Instance inst, long[] a) {
        int form = (int) a[2];
        int options = (int) a[3];
        if (form < 0 || form >= FORMS.length || (options & ~7) != 0) {
            return BAD_ARGUMENT;
        }
        byte[] in = read(pi, inst, a[0], a[1]);
        if (in == null) {
            return BAD_POINTER;
        }
        NormalizationOptions o = NormalizationOptions.DEFAULT;
        if ((options & 1) != 0) {
            o = o.withCaseFolding();
        }
        if ((options & 2) != 0) {
            o = o.withCollapsedWhitespace();
        }
        if ((options & 4) != 0) {
            o = o.withoutControls();
        }
        return place(pi, inst, pi.plugin.engine().normalize(in, FORMS[form], o));
    }

    private static long segment(PluginInstance pi, Instance inst, long[] a) {
        int g = (int) a[2];
        if (g != 0 && g != 1) {
            return BAD_ARGUMENT;
        }
        byte[] in = read(pi, inst, a[0], a[1]);
        if (in == null) {
            return BAD_POINTER;
        }
        int[] b = pi.plugin.engine().segment(in, g == 0 ? Granularity.GRAPHEME : Granularity.WORD, false);
        byte[] out = new byte[b.length * 4];
        for (int i = 0; i < b.length; i++) {
            int v = b[i];
            out[4 * i] = (byte) v;
            out[4 * i + 1] = (byte) (v >>> 8);
            out[4 * i + 2] = (byte) (v >>> 16);
            out[4 * i + 3] = (byte) (v >>> 24);
        }
        return place(pi, inst, out);
    }

    private static long count(PluginInstance pi, Instance inst, long[] a) {
        int what = (int) a[2];
        if (what < 0 || what >= COUNTS.length) {
            return BAD_ARGUMENT;
        }
        byte[] in = read(pi, inst, a[0], a[1]);
        if (in == null) {
            return BAD_POINTER;
        }
        return pi.plugin.engine().count(in, COUNTS[what], false);
    }

    private static long truncate(PluginInstance pi, Instance inst, long[] a) {
        int unit = (int) a[2];
        int limit = (int) a[3];
        int flags = (int) a[4];
        if (unit < 0 || unit > 3 || limit < 0 || (flags & ~1) != 0) {
            return BAD_ARGUMENT;
        }
        byte[] in = read(pi, inst, a[0], a[1]);
        if (in == null) {
            return BAD_POINTER;
        }
        if (Utf8Check.firstInvalid(in, in.length) >= 0) {
            return INVALID_UTF8;
        }
        Truncation t;
        switch (unit) {
            case 0: t = Truncation.utf8Bytes(limit); break;
            case 1: t = Truncation.utf16Units(limit); break;
            case 2: t = Truncation.codePoints(limit); break;
            default: t = Truncation.graphemes(limit);
        }
        if ((flags & 1) != 0) {
            t = t.atWordBoundary();
        }
        String prefix = pi.plugin.engine().truncate(new String(in, StandardCharsets.UTF_8), t);
        // The result is a prefix of well-formed text, so its UTF-8 length is the cut.
        return prefix.getBytes(StandardCharsets.UTF_8).length;
    }
}
