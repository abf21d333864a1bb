package io.textwasm.internal;

import io.textwasm.EngineException;
import io.textwasm.NormalizationForm;
import io.textwasm.NormalizationOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
 *   <li>The core's stable set for the form and options, fetched once per backend and shared by
 *       its engines (16 KiB, {@link DerivedTables}); for BMP text under the five forms without
 *       options, a byte per UTF-16 unit for all five (64 KiB per JVM, see {@link BmpUnits}); and
 *       for text with surrogates a per-unit table built from the set (128 KiB, see
 *       {@link Units}): text made only of stable code points
 *       is unchanged, and text before the last stable code point preceding an unstable one is
 *       unchanged whatever follows, so only the rest goes to the core. The set comes from the
 *       module, so the answers stay the module's.
 * </ol>
 */
public final class StableText {
    /** The stable set covers U+0000..U+1FFFF (the core's {@code STABLE_SET_END}). */
    private static final int SET_END = 0x20000;
    /** Words of the core's set. */
    private static final int LEAD_WORDS = SET_END >>> 6;
    /** Form and option bits that select a set (ABI flags bits 0-5). */
    private static final int KEY_BITS = 63;

    private final InstancePool pool;
    private final AtomicReferenceArray<long[]> sets;
    private final AtomicReferenceArray<Units> unitTables;
    private final AtomicIntegerArray unitMasks;
    private final ShippedTables shipped;

    /** With the tables shared by the engines of the pool's backend. */
    public StableText(InstancePool pool) {
        this(pool, DerivedTables.of(pool.module().backend()));
    }

    StableText(InstancePool pool, DerivedTables tables) {
        this.pool = pool;
        this.sets = tables.stableSets;
        this.unitTables = tables.unitTables;
        this.unitMasks = tables.unitMasks;
        this.shipped = tables.shipped;
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
        i = stableEnd(s, i, flags & KEY_BITS);
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

    /**
     * The end of the run of code points from {@code i} that are in the set for {@code key}
     * (flags bits 0-5): {@code s.length()}, or the first unit of the first code point that is
     * not (an unpaired surrogate is not). {@code i} must not be inside a surrogate pair.
     */
    int stableEnd(String s, int i, int key) {
        long[] bits = set(key);
        i = bmpEnd(s, i, bits, unitMask(key));
        return i == s.length() || !Character.isSurrogate(s.charAt(i)) ? i : pairedEnd(s, i, units(key), bits);
    }

    /**
     * The bit of {@link BmpUnits#UNSTABLE} that holds the set for {@code key}, or 0 when that
     * table does not hold it (a key with options, or a set the table does not match). Checked
     * once per backend and key.
     */
    public int unitMask(int key) {
        int mask = unitMasks.get(key);
        if (mask == 0) {
            mask = BmpUnits.maskFor(key, set(key));
            unitMasks.set(key, mask == 0 ? -1 : mask);
        }
        return Math.max(mask, 0);
    }


    /**
     * The end of the run of stable units from {@code i}, up to the first surrogate (which is not
     * in either table; {@link #pairedEnd} takes over there): through {@link BmpUnits} when
     * {@code unitMask} (from {@link #unitMask}) is not 0, else through the bitmap.
     */
    public static int bmpEnd(String s, int i, long[] bits, int unitMask) {
        return unitMask != 0 ? unitEnd(s, i, unitMask) : bitmapEnd(s, i, bits);
    }

    /**
     * {@link #unitEnd} one unit per branch, for the piece loop of {@link MappedText}, where runs
     * are a few units long (French in NFD: a letter and its accent every nine units). Four units
     * per branch there made French NFD to NFC 10-30% slower; one per branch, 5% faster than the
     * bitmap (best of 3 s, fresh JVMs, 2026-11-28).
     */
    public static int shortUnitEnd(String s, int i, int mask) {
        byte[] unstable = BmpUnits.UNSTABLE;
        int n = s.length();
        for (; i < n; i++) {
            if ((unstable[s.charAt(i)] & mask) != 0) {
                break;
            }
        }
        return i;
    }

    /**
     * The byte table's scan: one load and one AND per unit, and no bounds check, since the table
     * is a constant to C2 and a {@code char} cannot pass its end. The units are tested four per
     * branch (the OR of four table bytes), and the block that fails one at a time. Korean in
     * NFC, 10 KB, all of it stable: 0.99 us against 3.69 us for the bitmap loop (best of 1 s,
     * fresh JVMs, 2026-11-28); the whole NFC call takes 1.09 us, ICU4J 76.1's 3.09 us.
     */
    static int unitEnd(String s, int i, int mask) {
        byte[] unstable = BmpUnits.UNSTABLE;
        int n = s.length();
        for (; i <= n - 4; i += 4) {
            if (((unstable[s.charAt(i)] | unstable[s.charAt(i + 1)] | unstable[s.charAt(i + 2)] | unstable[s.charAt(i + 3)]) & mask) != 0) {
                break;
            }
        }
        for (; i < n; i++) {
            if ((unstable[s.charAt(i)] & mask) != 0) {
                break;
            }
        }
        return i;
    }

    /**
     * The bitmap's scan, for sets {@link BmpUnits} does not hold: one branch per unit, always
     * taken the same way in BMP text. The bitmap holds no surrogate, so the loop stops at one.
     * (Before the byte table this was the scan for every set. It beat the 128 KiB per-unit
     * table of {@link Units} on BMP text: Korean and Japanese touch 20-40 KiB of that, more
     * than the L1 cache, and Korean NFC at 1 KB ran at 3.4M calls/s on the table and 4.3M on
     * the bitmap, JMH, two forks each.)
     */
    public static int bitmapEnd(String s, int i, long[] bits) {
        int n = s.length();
        for (; i < n; i++) {
            char c = s.charAt(i);
            if ((bits[c >>> 6] >>> c & 1) == 0) {
                break;
            }
        }
        return i;
    }

    /**
     * {@link #stableEnd(String, int, int)} for text with surrogates, from {@code i}, with the
     * key's tables in hand: {@code unit} from {@link #unitTable} and {@code bits} from
     * {@link #set}.
     */
    public static int pairedEnd(String s, int i, Units units, long[] bits) {
        // The same loop three times over, once per table C2 can take for a constant (and so
        // drop the bounds check of each unit's load), as in BmpUnits: 1 KB of emoji in NFC,
        // the scan alone, 210 ns with a constant table against 320 ns without.
        switch (units.shared) {
            case Units.SHARED_NFC:
                return pairedEnd(s, i, Units.Nfc.UNIT, bits);
            case Units.SHARED_NFKC:
                return pairedEnd(s, i, Units.Nfkc.UNIT, bits);
            default:
                return pairedEnd(s, i, units.unit, bits);
        }
    }

    private static int pairedEnd(String s, int i, char[] unit, long[] bits) {
        int n = s.length();
        // i is not inside a pair, so the unit before it does not pair with s[i].
        int before = Units.PLAIN;
        while (true) {
            // One load and no data-dependent branch per unit (see Units):
            // a unit passes when it is stable, is a low surrogate exactly when the unit before it
            // is a high surrogate (which rules out unpaired surrogates), and when it completes a
            // stable pair. A branch on the unit's kind costs little in a benchmark that scans the
            // same text again and again, because the predictor learns the text (emoji 100 KB: 0.9
            // ns per unit), but 3 ns per unit where it cannot (emoji 1 MB), as on text not seen
            // before; this loop takes 0.4-0.6 ns on both.
            // Four units per test, then one at a time from the block that failed. Written out
            // because C2 did not always unroll the one-unit loop: where this method was inlined
            // into its caller, a JVM ran it at 1 or at 3 million 1 KB emoji texts a second, the
            // same in every iteration (JMH, NFKC, three forks).
            for (; i <= n - 4; i += 4) {
                int u0 = unit[s.charAt(i)];
                int u1 = unit[s.charAt(i + 1)];
                int u2 = unit[s.charAt(i + 2)];
                int u3 = unit[s.charAt(i + 3)];
                if (((before << 8 & u0) | (u0 << 8 & u1) | (u1 << 8 & u2) | (u2 << 8 & u3)) != 0) {
                    break;
                }
                before = u3;
            }
            for (; i < n; i++) {
                int u = unit[s.charAt(i)];
                if ((before << 8 & u) != 0) {
                    break;
                }
                before = u;
            }
            // A high surrogate whose partner is missing or failed: look at the pair.
            if ((before & Units.HIGH_OR_NOT_LOW) != 0) {
                i--;
            }
            before = Units.PLAIN;
            if (i + 1 < n && Character.isHighSurrogate(s.charAt(i)) && Character.isLowSurrogate(s.charAt(i + 1))
                    && contains(bits, Character.toCodePoint(s.charAt(i), s.charAt(i + 1)))) {
                // A stable pair whose high surrogate also leads unstable code points.
                i += 2;
                continue;
            }
            break; // unstable, an unpaired surrogate (the core's U+FFFD decides), or the end
        }
        return i;
    }

    /**
     * The stable sets of the five forms without options over the BMP, one byte per UTF-16 unit:
     * bit {@code k} is set when the unit is not in the set for key {@code k} (a surrogate never
     * is). 64 KiB once per JVM, against 16 KiB per form for the bitmaps, for a scan with no
     * bounds check and no shift (see {@link #unitEnd}); Korean and Japanese text touch 10-20 KiB
     * of it.
     *
     * <p>It is built from the jar's shipped sets ({@link ShippedTables}) because a table C2 can
     * trust must be a static final, filled before any engine exists. It stays the module's
     * answer all the same: an engine uses a key's bit only after {@link #maskFor} has compared it
     * with that engine's own set for every unit, so a backend whose set differed, or a jar without
     * shipped sets, keeps the bitmap.
     */
    static final class BmpUnits {
        static final byte[] UNSTABLE = build();

        private BmpUnits() {
        }

        private static byte[] build() {
            byte[] unstable = new byte[0x10000];
            for (int key = 0; key < ShippedTables.FORMS; key++) {
                long[] bits = shippedSet(key);
                for (int c = 0; c < 0x10000; c++) {
                    if (bits == null || !contains(bits, c)) {
                        unstable[c] |= (byte) (1 << key);
                    }
                }
            }
            return unstable;
        }

        /** Key {@code key}'s bit of {@link #UNSTABLE} if it agrees with {@code bits} on every unit, else 0. */
        static int maskFor(int key, long[] bits) {
            if (key >= ShippedTables.FORMS) {
                return 0;
            }
            int mask = 1 << key;
            for (int c = 0; c < 0x10000; c++) {
                boolean stable = !Character.isSurrogate((char) c) && contains(bits, c);
                if (stable == ((UNSTABLE[c] & mask) != 0)) {
                    return 0;
                }
            }
            return mask;
        }
    }

    /**
     * The stable set of one form and options as seen one UTF-16 unit at a time, built once from
     * the bitmap (128 KiB, against the bitmap's 16 KiB), for a scan with one load, one AND and
     * no data-dependent branch per unit.
     *
     * <p>Each unit's value holds two views of the unit: in its low byte what it says about the
     * unit after it (its <em>before</em> bits), in its high byte what it fails after (its
     * <em>after</em> bits), at the same bit positions. A unit fails after the one before it when
     * {@code (before << 8) & unit} is not 0, that is when a bit is set in both views:
     * <ul>
     *   <li>{@code ANY}: set in every unit's before bits; set in a unit's after bits when it is
     *       not stable on its own;
     *   <li>{@code NOT_HIGH_OR_LOW}: before bits "not a high surrogate", after bits "a low
     *       surrogate" (an unpaired low surrogate); {@code HIGH_OR_NOT_LOW}: before bits "a high
     *       surrogate", after bits "not a low surrogate" (an unpaired high surrogate);
     *   <li>rows: a high surrogate that leads both stable and unstable code points sets its row's
     *       bit in its before bits, and a low surrogate sets it in its after bits when that pair
     *       is not stable. Up to {@link #ROWS} such high surrogates get a row, first those of the
     *       emoji window U+1F000..U+1FFFF (under NFKC, U+D83C leads U+1F1E6 and U+1F3FB, stable,
     *       and U+1F100, not). Others are not stable on their own, and the slow check looks at
     *       their pairs.
     * </ul>
     */
    static final class Units {
        static final int ANY = 1;
        static final int NOT_HIGH_OR_LOW = 2;
        static final int HIGH_OR_NOT_LOW = 4;
        static final int FIRST_ROW = 8;
        static final int ROWS = 5;
        /** The before bits of a unit that is not a high surrogate (what the scan starts from). */
        static final int PLAIN = ANY | NOT_HIGH_OR_LOW;

        static final int SHARED_NONE = 0;
        static final int SHARED_NFC = 1;
        static final int SHARED_NFKC = 2;

        final char[] unit;
        /** Which static final table {@link #unit} is, if any. */
        final int shared;

        /** NFC's table from the jar's shipped set, a constant to C2; built on first use. */
        static final class Nfc {
            static final long[] SET = shippedOrEmpty(0);
            static final char[] UNIT = new Units(SET).unit;
        }

        /** NFKC's, the same way. */
        static final class Nfkc {
            static final long[] SET = shippedOrEmpty(2);
            static final char[] UNIT = new Units(SET).unit;
        }

        /**
         * The table for the set {@code bits} of {@code key}: NFC's or NFKC's static final table
         * when {@code bits} is the set it was built from (a table is a function of its set), so
         * the answers stay the engine's own; else one built from {@code bits}.
         */
        /** {@link #shippedSet}, or an empty set (no engine's set is empty, so it is never shared). */
        private static long[] shippedOrEmpty(int key) {
            long[] bits = shippedSet(key);
            return bits != null ? bits : new long[LEAD_WORDS];
        }

        static Units of(int key, long[] bits) {
            if (key == 0 && java.util.Arrays.equals(bits, Nfc.SET)) {
                return new Units(Nfc.UNIT, SHARED_NFC);
            }
            if (key == 2 && java.util.Arrays.equals(bits, Nfkc.SET)) {
                return new Units(Nfkc.UNIT, SHARED_NFKC);
            }
            return new Units(bits);
        }


        private Units(char[] unit, int shared) {
            this.unit = unit;
            this.shared = shared;
        }

        Units(long[] bits) {
            this.unit = new char[0x10000];
            this.shared = SHARED_NONE;
            int[] stable = new int[1024];
            for (int lead = 0; lead < 1024; lead++) {
                for (int cp = 0x10000 + (lead << 10), end = cp + 0x400; cp < end; cp++) {
                    stable[lead] += contains(bits, cp) ? 1 : 0;
                }
            }
            int[] rowOf = new int[1024];
            java.util.Arrays.fill(rowOf, -1);
            int rows = 0;
            int emojiLeads = Character.highSurrogate(HostTables.PLANE1_WINDOW) - Character.MIN_HIGH_SURROGATE;
            for (int pass = 0; pass < 2; pass++) {
                for (int lead = 1023; lead >= 0 && rows < ROWS; lead--) {
                    boolean mixed = stable[lead] > 0 && stable[lead] < 0x400;
                    if (mixed && rowOf[lead] < 0 && (pass == 1 || lead >= emojiLeads)) {
                        rowOf[lead] = rows++;
                    }
                }
            }
            for (int c = 0; c < 0x10000; c++) {
                int before;
                int after;
                if (Character.isHighSurrogate((char) c)) {
                    int lead = c - Character.MIN_HIGH_SURROGATE;
                    before = ANY | HIGH_OR_NOT_LOW | (rowOf[lead] >= 0 ? FIRST_ROW << rowOf[lead] : 0);
                    after = HIGH_OR_NOT_LOW | (stable[lead] == 0x400 || rowOf[lead] >= 0 ? 0 : ANY);
                } else if (Character.isLowSurrogate((char) c)) {
                    before = PLAIN;
                    after = NOT_HIGH_OR_LOW;
                    for (int lead = 0; lead < 1024; lead++) {
                        if (rowOf[lead] >= 0 && !contains(bits, Character.toCodePoint((char) (Character.MIN_HIGH_SURROGATE + lead), (char) c))) {
                            after |= FIRST_ROW << rowOf[lead];
                        }
                    }
                } else {
                    before = PLAIN;
                    after = HIGH_OR_NOT_LOW | (contains(bits, c) ? 0 : ANY);
                }
                unit[c] = (char) (after << 8 | before);
            }
        }
    }

    /** The per-unit table {@link #pairedEnd} takes, for {@code key}. */
    Units units(int key) {
        Units u = unitTables.get(key);
        return u != null ? u : DerivedTables.once(unitTables, key, () -> Units.of(key, set(key)));
    }

    /** Whether code point {@code cp} is in a set from {@link #set}. */
    static boolean contains(long[] bits, int cp) {
        return cp < SET_END && (bits[cp >>> 6] >>> cp & 1) != 0;
    }

    /** The core's stable set for the form and option bits {@code key}, fetched once. */
    long[] set(int key) {
        long[] bits = sets.get(key);
        return bits != null ? bits : DerivedTables.once(sets, key, () -> {
            long[] built = shipped.stableSet(key);
            return built != null && built.length == LEAD_WORDS ? built : fetch(pool, Abi.OP_STABLE_SET, key);
        });
    }

    /** A bitmap of U+0000..U+1FFFF the core exports, as 64-bit words. */
    private static long[] fetch(InstancePool pool, int op, int flags) {
        byte[] raw = pool.with(ci -> Calls.codePointSet(ci, op, flags));
        if (raw.length != LEAD_WORDS * 8) {
            throw new EngineException("the core's stable set has an unexpected size (" + raw.length + " bytes, expected " + LEAD_WORDS * 8 + ")");
        }
        long[] bits = new long[LEAD_WORDS];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(bits, 0, LEAD_WORDS);
        return withoutSurrogates(bits);
    }

    /**
     * {@code bits} with the surrogate code points cleared: they mean nothing in the set (ABI.md),
     * and without them a UTF-16 code unit can be looked up directly, surrogates always missing.
     */
    static long[] withoutSurrogates(long[] bits) {
        java.util.Arrays.fill(bits, Character.MIN_SURROGATE >>> 6, (Character.MAX_SURROGATE >>> 6) + 1, 0L);
        return bits;
    }

    /** The jar's set for {@code key} as the host uses it (surrogates cleared), or null if not shipped. */
    static long[] shippedSet(int key) {
        long[] bits = ShippedTables.RESOURCES.stableSet(key);
        return bits != null && bits.length == LEAD_WORDS ? withoutSurrogates(bits) : null;
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
