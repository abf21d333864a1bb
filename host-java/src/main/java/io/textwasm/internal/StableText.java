package io.textwasm.internal;

import io.textwasm.EngineException;
import io.textwasm.NormalizationForm;
import io.textwasm.NormalizationOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The part of a string the host can prove a normalization leaves unchanged, so that it is
 * neither encoded nor copied into linear memory. Two rules, both the core's own (see
 * wasm-module/ABI.md, "Stable code points"):
 *
 * <ol>
 *   <li>Thresholds, with no options: nothing below U+0300 changes or combines with what precedes
 *       it under NFC; nothing below U+00C0 decomposes (NFD); nothing below U+00A0 has a
 *       compatibility mapping (NFKC, NFKD). Unicode's stability policy keeps these true; they
 *       need no table, and for a Latin-1 string HotSpot proves the NFC test without looking at
 *       the characters.
 *   <li>The core's stable set for the form and options, fetched once per engine (16 KiB): text
 *       made only of stable code points is unchanged, and text before the last stable code point
 *       preceding an unstable one is unchanged whatever follows, so only the rest goes to the core.
 *       The set comes from the module, so the answers stay the module's.
 * </ol>
 */
public final class StableText {
    /** The stable set covers U+0000..U+1FFFF (the core's {@code STABLE_SET_END}). */
    private static final int SET_END = 0x20000;
    /** Words of the core's set; then {@link #fetch} appends one bit per high surrogate. */
    private static final int LEAD_WORDS = SET_END >>> 6;
    /** Form and option bits that select a set (ABI flags bits 0-5). */
    private static final int KEY_BITS = 63;

    private final InstancePool pool;
    private final AtomicReferenceArray<long[]> sets = new AtomicReferenceArray<>(KEY_BITS + 1);

    public StableText(InstancePool pool) {
        this.pool = pool;
    }

    /**
     * Where the core must start on {@code s} for {@code form} with {@code options} (ABI flags
     * {@code flags}): {@code s.length()} when {@code s} is already normalized, else a UTF-16 index
     * such that {@code s[0, start)} is unchanged by the normalization and normalizing
     * {@code s[start, length)} gives the rest of the result.
     */
    public int start(String s, NormalizationForm form, NormalizationOptions options, int flags) {
        int n = s.length();
        int i = prefixBelow(s, threshold(form, options));
        if (i == n) {
            return n;
        }
        long[] bits = set(flags & KEY_BITS);
        while (i < n) {
            char c = s.charAt(i);
            // One load per BMP code point: the set has no surrogate code units (see fetch), so a
            // surrogate always takes the slower path below.
            if ((bits[c >>> 6] >>> c & 1) != 0) {
                i++;
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n) {
                char d = s.charAt(i + 1);
                if (Character.isLowSurrogate(d) && (leadsOnlyStable(bits, c) || contains(bits, Character.toCodePoint(c, d)))) {
                    i += 2;
                    continue;
                }
            }
            break; // unstable, or an unpaired surrogate (the core's U+FFFD decides)
        }
        if (i == n) {
            return n;
        }
        // Every code point before i is stable (below the threshold or in the set), so the last of
        // them is where the core starts.
        if (i == 0) {
            return 0;
        }
        boolean pairBefore = i >= 2 && Character.isLowSurrogate(s.charAt(i - 1)) && Character.isHighSurrogate(s.charAt(i - 2));
        return pairBefore ? i - 2 : i - 1;
    }

    /** Whether every code point that high surrogate {@code c} leads is in a set from {@link #fetch}. */
    private static boolean leadsOnlyStable(long[] bits, char c) {
        // Bit (c - U+D800) of the appended words; U+D800 is a multiple of 64.
        return (bits[LEAD_WORDS + ((c - Character.MIN_HIGH_SURROGATE) >>> 6)] >>> c & 1) != 0;
    }

    /** Whether code point {@code cp} is in a set from {@link #set}. */
    static boolean contains(long[] bits, int cp) {
        return cp < SET_END && (bits[cp >>> 6] >>> cp & 1) != 0;
    }

    /** The core's stable set for the form and option bits {@code key}, fetched once. */
    long[] set(int key) {
        long[] bits = sets.get(key);
        if (bits == null) {
            bits = fetch(pool, Abi.OP_STABLE_SET, key);
            sets.compareAndSet(key, null, bits);
        }
        return bits;
    }

    /** A bitmap of U+0000..U+1FFFF the core exports, as 64-bit words. */
    private static long[] fetch(InstancePool pool, int op, int flags) {
        byte[] raw = pool.with(ci -> Calls.codePointSet(ci, op, flags));
        if (raw.length != LEAD_WORDS * 8) {
            throw new EngineException("the core's stable set has an unexpected size (" + raw.length + " bytes, expected " + LEAD_WORDS * 8 + ")");
        }
        long[] bits = new long[LEAD_WORDS + 1024 / 64];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(bits, 0, LEAD_WORDS);
        // Appended: for each high surrogate, whether every code point it leads is in the set (the
        // emoji planes are), so such a pair needs no code point arithmetic.
        for (int lead = 0; lead < 1024 && (lead + 1) << 10 <= SET_END - 0x10000; lead++) {
            boolean all = true;
            int first = 0x10000 + (lead << 10);
            for (int w = first >>> 6; w < (first + 1024) >>> 6; w++) {
                all &= bits[w] == -1L;
            }
            if (all) {
                bits[LEAD_WORDS + (lead >>> 6)] |= 1L << lead;
            }
        }
        // The surrogate code points mean nothing in the set (ABI.md); clearing them lets a UTF-16
        // code unit be looked up directly, with surrogates always missing.
        java.util.Arrays.fill(bits, Character.MIN_SURROGATE >>> 6, (Character.MAX_SURROGATE >>> 6) + 1, 0L);
        return bits;
    }

    /** The form's first code point that may change, with no options; 0 (no shortcut) otherwise. */
    private static char threshold(NormalizationForm form, NormalizationOptions o) {
        if (o.caseFold() || o.collapseWhitespace() || o.stripControls()) {
            return 0;
        }
        switch (form) {
            case NFC: return 0x300;
            case NFD: return 0xC0;
            case NFKC:
            case NFKD: return 0xA0;
            default: return 0; // NFKC_Casefold: A-Z change, so the set decides from the start
        }
    }

    /**
     * Length of the prefix of {@code s} below {@code limit}.
     *
     * <p>Two loops, each measured (benchmarks, English NFC and NFKC): for a limit above U+00FF the
     * plain loop, because for a Latin-1 string HotSpot proves it can never stop early and removes
     * it. Below that (NFKC's U+00A0 lies inside Latin-1) a plain loop ran at 3.8 or 7.7 GB/s from
     * one JVM to the next, depending on how C2 unrolled it; testing eight units per branch runs at
     * 6.5-9 GB/s in every JVM. The OR of the eight is below the limit only if each is, and when it
     * is not, the plain loop finds the exact place.
     */
    static int prefixBelow(String s, char limit) {
        int n = s.length();
        int i = 0;
        if (limit <= 0xFF) {
            for (; i <= n - 8; i += 8) {
                int any = s.charAt(i) | s.charAt(i + 1) | s.charAt(i + 2) | s.charAt(i + 3)
                        | s.charAt(i + 4) | s.charAt(i + 5) | s.charAt(i + 6) | s.charAt(i + 7);
                if (any >= limit) {
                    break;
                }
            }
        }
        for (; i < n && s.charAt(i) < limit; i++) {
            // scan
        }
        return i;
    }
}
