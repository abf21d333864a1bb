package io.textwasm.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Normalization of a String that sends the core only the pieces the host cannot settle.
 *
 * <p>Code points are <em>settled</em> when they are stable (the core's STABLE_SET: unchanged, and
 * nothing combines with them from before) or <em>mapped</em>: their normalization on their own is
 * one stable BMP code point, as full-width letters and half-width katakana under NFKC, or capital
 * letters under case folding. Normalization can be cut before any settled code point: its mapping
 * starts with a starter that combines with nothing before it, so no reordering or composition
 * crosses the cut. Hence text made of settled code points normalizes code point by code point (a
 * mapped one becomes its stable image, which nothing after it can combine with either), and
 * every run of unsettled code points, with the settled one before it, normalizes on its own.
 * A run of <em>deleted</em> code points (their normalization on their own is empty, as for
 * variation selectors and ZWJ under NFKC_Casefold) followed by a settled one or the end is
 * dropped: normalization can be cut before that settled code point, and what precedes it
 * normalizes as if the run were not there (the run's full mapping is empty wherever canonical
 * reordering puts it).
 * Those pieces go to the core in one call, joined by U+E000 (stable in every form, and the image
 * of nothing), and come back in order; since a piece's normalization does not depend on what
 * surrounds it, the core's answer for each short piece is kept for the next time it occurs.
 *
 * <p>The mappings are learnt from the core itself, once per form: every BMP code point outside
 * the stable set is normalized in one call (each followed by U+E000), and those whose result is a
 * single stable code point are kept. So the answers remain the module's.
 *
 * <p>Applies with no options other than case folding (whitespace collapsing and control removal
 * act across code points).
 */
public final class MappedText {
    private static final char SEPARATOR = '\uE000';
    /**
     * In a map: the code point's normalization on its own is empty (a default-ignorable code
     * point under NFKC_Casefold). U+FFFF is stable in every form, so it is no code point's image.
     */
    private static final char DELETED = '\uFFFF';
    /** ABI flags: form in bits 0-2, case folding bit 3; bits 4-5 (collapse, strip controls) exclude this path. */
    private static final int KEY_BITS = 63;
    private static final int CROSS_CODE_POINT_OPTIONS = 3 << 4;
    private static final char[] NONE = new char[0];
    /** New pieces a quick check asks the core about, one call each, before it sends the whole text instead. */
    private static final int MAX_ASKED = 16;
    /** Pieces up to this long have their normalization kept. */
    private static final int CACHED_PIECE_CHARS = 16;

    private final InstancePool pool;
    private final StableText stable;
    private final AtomicReferenceArray<char[]> maps;
    private final AtomicReferenceArray<PieceCache> caches;
    private final ShippedTables shipped;

    /** With the mappings and piece answers shared by the engines of the pool's backend. */
    public MappedText(InstancePool pool, StableText stable) {
        this(pool, stable, DerivedTables.of(pool.module().backend()));
    }

    MappedText(InstancePool pool, StableText stable, DerivedTables tables) {
        this.pool = pool;
        this.stable = stable;
        this.maps = tables.mappings;
        this.caches = tables.pieceCaches;
        this.shipped = tables.shipped;
    }

    /**
     * The normalization of {@code s} under {@code flags}, given that {@code s[0, start)} is
     * unchanged and {@code s[start]} (if any) is stable, as {@link StableText#start} finds; null
     * when this path does not apply and the caller should send {@code s[start, length)} to the
     * core itself.
     */
    public String normalize(String s, int start, int flags) {
        Form f = form(flags);
        if (f == null) {
            return null;
        }
        String r = onePass(s, start, f.bits, f.map, f.known, stable, flags & KEY_BITS);
        return r != null ? r : twoPasses(s, start, flags, f.bits, f.map, f.known);
    }

    /**
     * One pass when every piece's normalization is already known (the usual case once a form
     * has seen some text); null at the first piece that is not.
     */
    private static String onePass(String s, int start, long[] bits, char[] map, PieceCache known, StableText stable, int key) {
        int n = s.length();
        int unitMask = stable.unitMask(key);
        Output r = null;
        int copied = start; // s[0, copied) is in r (or unchanged, while r is null)
        int prev = -1; // where the previous code point starts, if it is settled and not yet in r
        int i = start;
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c) && (bits[c >>> 6] >>> c & 1) != 0) {
                // A stable code point. A run of them goes to StableText's scan, outside this loop:
                // with the piece handling below in the same loop, C2 compiled a per-unit test
                // here about three times slower once the text had pieces (Korean NFKC: 124 us
                // of 165 for 221 pieces in 100 KB). A lone one (French NFD, a letter between
                // accents) stays here, where it costs less than a call.
                int stableTo = i + 1 < n && !Character.isSurrogate(s.charAt(i + 1)) && (bits[s.charAt(i + 1) >>> 6] >>> s.charAt(i + 1) & 1) != 0
                        ? (unitMask != 0 ? StableText.shortUnitEnd(s, i + 2, unitMask) : StableText.bitmapEnd(s, i + 2, bits))
                        : i + 1;
                if (stableTo < n && Character.isSurrogate(s.charAt(stableTo))) {
                    stableTo = StableText.pairedEnd(s, stableTo, stable.units(key), bits);
                }
                boolean pair = stableTo - i >= 2 && Character.isLowSurrogate(s.charAt(stableTo - 1)) && Character.isHighSurrogate(s.charAt(stableTo - 2));
                prev = stableTo - (pair ? 2 : 1);
                i = stableTo;
                continue;
            }
            int from;
            int unsettled;
            if (!Character.isSurrogate(c)) {
                if ((bits[c >>> 6] >>> c & 1) != 0) {
                    prev = i++; // stable: the common case, kept tight
                    continue;
                }
                char m = map[c];
                if (m == DELETED) {
                    int end = i + 1;
                    while (end < n && map[s.charAt(end)] == DELETED) {
                        end++;
                    }
                    if (end == n || settledWidth(s, end, bits, map) > 0) {
                        r = flush(r, s, copied, i); // dropped; prev stays the settled code point before
                        copied = end;
                        i = end;
                        continue;
                    }
                    m = 0; // before an unsettled code point: in the piece with it
                }
                if (m != 0 && (i + 1 == n || settledWidth(s, i + 1, bits, map) > 0)) {
                    r = flush(r, s, copied, i).append(m); // mapped, and nothing after it can combine with its image
                    copied = i + 1;
                    prev = i++;
                    continue;
                }
                // A mapped code point before an unsettled one starts the piece itself.
                from = m != 0 ? i : prev >= 0 ? prev : i;
                unsettled = m != 0 ? i + 1 : i;
            } else if (settledWidth(s, i, bits, map) == 2) {
                prev = i;
                i += 2;
                continue;
            } else {
                from = prev >= 0 ? prev : i;
                unsettled = i;
            }
            int to = unsettled + width(s, unsettled);
            while (to < n && settledWidth(s, to, bits, map) == 0) {
                to += width(s, to);
            }
            if (to - from == 2) {
                // Two units, as a letter and one accent: the pair table, before anything else.
                // Its entries are the piece cache's answers, so they are the core's.
                long e = known.pair(s.charAt(from) << 16 | s.charAt(from + 1));
                if (e != 0) {
                    if (!PieceCache.pairUnchanged(e)) {
                        r = flush(r, s, copied, from).append(PieceCache.pairImage(e));
                        copied = to;
                    }
                    prev = -1;
                    i = to;
                    continue;
                }
            }
            int syllable = composes(key) && from == unsettled - 1 ? hangulSyllable(s, from, to) : -1;
            if (syllable >= 0) {
                r = flush(r, s, copied, from).append((char) syllable);
                copied = to;
                prev = -1;
                i = to;
                continue;
            }
            if (!composes(key) && (from == unsettled || (bits[s.charAt(from) >>> 6] >>> s.charAt(from) & 1) != 0)
                    && syllables(s, unsettled, to)) {
                // NFD and NFKD of syllables: their jamo. The piece may start at the stable code
                // point before them, which is unchanged (not at a mapped one: U+3131 before a
                // syllable starts the piece, and becomes U+1100 under NFKD).
                r = flush(r, s, copied, unsettled);
                for (int k = unsettled; k < to; k++) {
                    appendJamo(r, s.charAt(k));
                }
                copied = to;
                prev = -1;
                i = to;
                continue;
            }
            long image = known.find(s, from, to);
            if (image == 0) {
                return null;
            }
            if (to - from == 2) {
                known.putPair(s.charAt(from) << 16 | s.charAt(from + 1), image);
            }
            if (!PieceCache.unchanged(image)) {
                r = known.appendImage(image, flush(r, s, copied, from));
                copied = to;
            }
            prev = -1;
            i = to;
        }
        return r == null ? s : r.append(s, copied, n).toString();
    }

    /** NFC, NFKC and NFKC_Casefold compose (the form is ABI flag bits 0-2: 0, 2, 4); NFD and NFKD do not. */
    private static boolean composes(int key) {
        return (key & 1) == 0;
    }

    // Conjoining jamo that compose into syllables (Unicode 16.0, section 3.12).
    private static final int L_BASE = 0x1100;
    private static final int V_BASE = 0x1161;
    private static final int T_BASE = 0x11A7;
    private static final int S_BASE = 0xAC00;
    private static final int L_COUNT = 19;
    private static final int V_COUNT = 21;
    private static final int T_COUNT = 28;
    private static final int S_COUNT = L_COUNT * V_COUNT * T_COUNT;

    /**
     * The syllable a piece composes into when it is a leading consonant and a vowel, with or
     * without a trailing consonant, or an LV syllable and a trailing consonant; else -1.
     *
     * <p>Korean in NFD (as macOS writes file names) is all such pieces, one per syllable, and
     * there are 11,172 of them: more than the piece cache holds, so unseen text went to the core
     * piece by piece, at a twenty-fifth of ICU4J's speed. Composition is arithmetic here (Unicode
     * section 3.12), no table: jamo have no other mapping in any form, combining class 0 (no
     * reordering), are not default-ignorable (the fillers U+115F and U+1160 are outside these
     * ranges), and case folding leaves them alone. A piece is followed by a settled code point,
     * with which nothing composes, so the syllable is the piece's whole normalization: exactly
     * what the core returns (MappedTextTest holds the two together on random jamo).
     */
    static int hangulSyllable(String s, int from, int to) {
        int k = to - from;
        if (k < 2 || k > 3) {
            return -1;
        }
        int first = s.charAt(from) - L_BASE;
        int v = s.charAt(from + 1) - V_BASE;
        int t = k == 3 ? s.charAt(from + 2) - T_BASE : 0;
        if (first >= 0 && first < L_COUNT && v >= 0 && v < V_COUNT && (k == 2 || t > 0 && t < T_COUNT)) {
            return S_BASE + (first * V_COUNT + v) * T_COUNT + t;
        }
        // An LV syllable (no trailing consonant yet) and a trailing consonant.
        int lv = s.charAt(from) - S_BASE;
        int t2 = s.charAt(from + 1) - T_BASE;
        if (k == 2 && lv >= 0 && lv < S_COUNT && lv % T_COUNT == 0 && t2 > 0 && t2 < T_COUNT) {
            return S_BASE + lv + t2;
        }
        return -1;
    }

    /** Whether {@code s[from, to)} is all precomposed Hangul syllables. */
    static boolean syllables(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            int x = s.charAt(k) - S_BASE;
            if (x < 0 || x >= S_COUNT) {
                return false;
            }
        }
        return true;
    }

    /**
     * A syllable's canonical decomposition, its leading consonant, vowel and trailing consonant
     * if any (Unicode section 3.12). Under NFD and NFKD a run of syllables is a piece of its own,
     * words of them as many distinct pieces as there are words, and the core took them at a
     * fifteenth of ICU4J's speed (NFD of the Korean corpus); this is their whole normalization,
     * for the reasons {@link #hangulSyllable} gives.
     */
    static void appendJamo(Output r, char syllable) {
        int x = syllable - S_BASE;
        r.append((char) (L_BASE + x / (V_COUNT * T_COUNT)));
        r.append((char) (V_BASE + x % (V_COUNT * T_COUNT) / T_COUNT));
        if (x % T_COUNT != 0) {
            r.append((char) (T_BASE + x % T_COUNT));
        }
    }

    /**
     * onePass's result: a char array filled with String.getChars. A StringBuilder started as
     * Latin-1 and was inflated at the first other character, and appended a String region one
     * character at a time. With the cheaper piece lookup, French NFD to NFC at 100 KB went from
     * about 1,050 to 1,450 calls a second with the StringBuilder, and to 2,000-3,200 with this.
     */
    static final class Output {
        private char[] chars;
        private int length;

        Output(String s, int prefix) {
            chars = new char[s.length() + 16];
            s.getChars(0, prefix, chars, 0);
            length = prefix;
        }

        Output append(String s, int from, int to) {
            int k = to - from;
            if (length + k > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + k));
            }
            s.getChars(from, to, chars, length);
            length += k;
            return this;
        }

        Output append(char[] a, int from, int k) {
            if (length + k > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + k));
            }
            System.arraycopy(a, from, chars, length, k);
            length += k;
            return this;
        }

        Output append(char c) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, chars.length * 2);
            }
            chars[length++] = c;
            return this;
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    /**
     * Whether {@code s} is normalized under {@code flags}, with {@code s[0, start)} and
     * {@code s[start]} as for {@link #normalize}; null when this path does not apply. Stops at
     * the first code point or piece that changes, as a quick check does: a mapped code point
     * always does (its image differs, and composition never produces a code point that maps to
     * a single other one), a piece does when its normalization differs from it.
     */
    public Boolean isNormalized(String s, int start, int flags) {
        Form f = form(flags);
        if (f == null) {
            return null;
        }
        long[] bits = f.bits;
        char[] map = f.map;
        PieceCache known = f.known;
        int n = s.length();
        int prev = -1;
        int asked = 0;
        int i = start;
        while (i < n) {
            int w = settledWidth(s, i, bits, map);
            if (w == 2 || w == 1 && map[s.charAt(i)] == 0) {
                prev = i;
                i += w;
                continue;
            }
            if (w == 1) {
                return false; // mapped
            }
            if (Character.isSurrogate(s.charAt(i)) && width(s, i) == 1) {
                return false; // unpaired: normalization replaces it with U+FFFD
            }
            int from = prev >= 0 ? prev : i;
            int to = i + width(s, i);
            while (to < n && settledWidth(s, to, bits, map) == 0) {
                if (Character.isSurrogate(s.charAt(to)) && width(s, to) == 1) {
                    return false;
                }
                to += width(s, to);
            }
            String image = known.get(s, from, to);
            if (image == null) {
                if (++asked > MAX_ASKED) {
                    return null; // many new pieces: one call for the whole text is cheaper
                }
                String piece = s.substring(from, to);
                byte[] in = Utf8.encode(piece);
                byte[] out = pool.with(ci -> Calls.normalize(ci, in, 0, in.length, flags, null, 0));
                image = out == null ? piece : new String(out, StandardCharsets.UTF_8);
                known.put(piece, image);
            }
            if (image.length() != to - from || !s.regionMatches(from, image, 0, to - from)) {
                return false;
            }
            prev = -1;
            i = to;
        }
        return true;
    }

    /** {@code r} (created with {@code s[0, from)} if null) with {@code s[copied, to)} appended. */
    private static Output flush(Output r, String s, int copied, int to) {
        if (r == null) {
            return new Output(s, to);
        }
        return r.append(s, copied, to);
    }

    /** Finds the pieces, has the core normalize those not known yet, then assembles the result. */
    private String twoPasses(String s, int start, int flags, long[] bits, char[] map, PieceCache known) {
        // Pass 1: the pieces the core must see, as [from, to) pairs.
        int n = s.length();
        int[] pieces = new int[16];
        int count = 0;
        int prevSettled = -1;
        int i = start;
        while (i < n) {
            int w = settledWidth(s, i, bits, map);
            if (w > 0) {
                prevSettled = i;
                i += w;
                continue;
            }
            int from = prevSettled >= 0 ? prevSettled : i;
            int to = i + width(s, i);
            while (to < n && settledWidth(s, to, bits, map) == 0) {
                to += width(s, to);
            }
            if (count > 0 && pieces[count - 1] == from) {
                pieces[count - 1] = to; // adjacent: one piece
            } else {
                if (count + 2 > pieces.length) {
                    pieces = Arrays.copyOf(pieces, pieces.length * 2);
                }
                pieces[count++] = from;
                pieces[count++] = to;
            }
            prevSettled = -1;
            i = to;
        }
        // Each piece normalizes on its own, so the core's answer for a piece's text can be kept:
        // text repeats its pieces (the same accents, the same half-width kana). The rest go to
        // the core in one call.
        String[] texts = new String[count / 2];
        String[] normalized = new String[count / 2];
        int[] misses = new int[count / 2];
        int missed = 0;
        StringBuilder joined = new StringBuilder();
        for (int k = 0; k < count; k += 2) {
            String text = s.substring(pieces[k], pieces[k + 1]);
            texts[k / 2] = text;
            String hit = known.get(s, pieces[k], pieces[k + 1]);
            if (hit != null) {
                normalized[k / 2] = hit;
            } else {
                if (missed > 0) {
                    joined.append(SEPARATOR);
                }
                joined.append(text);
                misses[missed++] = k / 2;
            }
        }
        if (missed > 0) {
            byte[] in = Utf8.encode(joined);
            byte[] out = pool.with(ci -> Calls.normalize(ci, in, 0, in.length, flags, null, 0));
            // Unchanged by the core: unpaired surrogates may still have become U+FFFD on the way in.
            String result = new String(out != null ? out : in, StandardCharsets.UTF_8);
            String[] parts = new String[missed];
            if (!split(result, parts)) {
                return null; // the text holds U+E000 inside a piece: let the core take it whole
            }
            for (int m = 0; m < missed; m++) {
                String text = texts[misses[m]];
                normalized[misses[m]] = parts[m];
                known.put(text, parts[m]);
            }
        }
        boolean changed = false;
        for (int k = 0; k < texts.length; k++) {
            changed |= !texts[k].equals(normalized[k]);
        }
        // Pass 2: settled text code point by code point, the pieces from the core.
        StringBuilder r = new StringBuilder(n + 16);
        r.append(s, 0, start);
        int pos = start;
        for (int k = 0; k < count; k += 2) {
            changed |= appendSettled(s, pos, pieces[k], map, r);
            r.append(normalized[k / 2]);
            pos = pieces[k + 1];
        }
        changed |= appendSettled(s, pos, n, map, r);
        return changed ? r.toString() : s;
    }

    /** Appends settled text, mapped code points replaced; true if any was. */
    private static boolean appendSettled(String s, int from, int to, char[] map, StringBuilder r) {
        boolean changed = false;
        int run = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            char m = map[c]; // surrogates never map
            if (m != 0) {
                r.append(s, run, i).append(m);
                run = i + 1;
                changed = true;
            }
        }
        r.append(s, run, to);
        return changed;
    }

    /** Splits {@code result} at U+E000 into exactly {@code into.length} parts; false if the count differs. */
    private static boolean split(String result, String[] into) {
        int k = 0;
        int from = 0;
        for (int i = result.indexOf(SEPARATOR); i >= 0; i = result.indexOf(SEPARATOR, i + 1)) {
            if (k == into.length - 1) {
                return false;
            }
            into[k++] = result.substring(from, i);
            from = i + 1;
        }
        if (k != into.length - 1) {
            return false;
        }
        into[k] = result.substring(from);
        return true;
    }

    /** The UTF-16 width of the code point at {@code i} if it is settled, else 0. */
    private static int settledWidth(String s, int i, long[] bits, char[] map) {
        char c = s.charAt(i);
        if (!Character.isSurrogate(c)) {
            return StableText.contains(bits, c) || map[c] != 0 && map[c] != DELETED ? 1 : 0;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return StableText.contains(bits, Character.toCodePoint(c, s.charAt(i + 1))) ? 2 : 0;
        }
        return 0; // unpaired: the core sees U+FFFD
    }

    private static int width(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
    }

    /** What this path needs for one form and options: the stable set, the mappings, the kept pieces. */
    private static final class Form {
        final long[] bits;
        final char[] map;
        final PieceCache known;

        Form(long[] bits, char[] map, PieceCache known) {
            this.bits = bits;
            this.map = map;
            this.known = known;
        }
    }

    /** The form's tables, or null when the path does not apply to {@code flags}. */
    private Form form(int flags) {
        if ((flags & CROSS_CODE_POINT_OPTIONS) != 0) {
            return null;
        }
        int key = flags & KEY_BITS;
        long[] bits = stable.set(key);
        char[] map = map(key, bits);
        return map.length == 0 ? null : new Form(bits, map, cache(key));
    }

    private PieceCache cache(int key) {
        PieceCache c = caches.get(key);
        return c != null ? c : DerivedTables.once(caches, key, PieceCache::new);
    }

    /**
     * Normalizations of short pieces, looked up by a region of a string without copying it.
     *
     * <p>Flat, because the lookup is on onePass's path once per piece (French NFD: one per
     * accented letter). Entries used to be objects (slot, entry, piece String and its array,
     * image String and its array: six dependent loads), and French NFD to NFC at 10 KB ran at
     * 23k or 38k calls a second depending on where the collector had put those objects
     * relative to each other (JFR put the time in the comparison; the same JVM switched modes when
     * a collection promoted them). Now a slot is one {@code long} (lengths and where the
     * characters are) and the piece and its image are adjacent in one char array, so a lookup
     * is two independent loads.
     *
     * <p>Threads share it without locks: a writer claims an empty slot with a CAS, writes the
     * characters, then publishes the slot with a release store; a reader's acquire load of the
     * slot makes those characters visible. A slot is written once. A lookup that misses, or a
     * put that finds no room, only costs a later core call.
     *
     * <p>It takes 224 KiB per form (64 KiB of slots, 128 KiB of characters, 32 KiB of pairs). An
     * {@code int} slot and an arena that grows on demand (96 KiB) measured bimodal again on
     * French NFD to NFC at 10 KB (27k or 40k calls a second, against 37-40k in 12 of 14 JVMs for
     * this layout); why is not understood, so the layout that measured well stays.
     */
    static final class PieceCache {
        private static final int SLOTS = 8192; // power of two
        private static final int PROBES = 8;
        /** Characters for all entries (pieces and images): about eight per slot. */
        private static final int ARENA_CHARS = SLOTS * 8;
        /** A slot taken by a writer that has not published it (or could not): never matches. */
        private static final long CLAIMED = -1L;
        private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

        /**
         * Per slot, 0 (empty), {@link #CLAIMED}, or an entry: piece length (bits 0-7), image
         * length (bits 8-23), "image equals piece" (bit 24), offset in {@link #arena} (32-63).
         */
        private final long[] slots = new long[SLOTS];
        private final char[] arena = new char[ARENA_CHARS];
        private final AtomicInteger arenaTop = new AtomicInteger();

        /**
         * The first and last units and the length: pieces are short (a letter and its marks), and
         * hashing every unit through CharSequence cost a third of French NFD to NFC.
         */
        private static int hash(CharSequence s, int from, int to) {
            int h = (s.charAt(from) * 31 + s.charAt(to - 1)) * 31 + (to - from);
            return h ^ h >>> 9;
        }

        /**
         * Two-unit pieces whose image is one unit or the piece itself, keyed by their two units:
         * the image (bits 0-15), the key (16-47), present (48), unchanged (49). Direct-mapped and
         * overwritten on collision; one long per entry, written and read whole (opaque accesses
         * are atomic for long), so a reader sees an entry entire or not at all and needs no
         * ordering with anything else.
         *
         * <p>Why: French in NFD is a piece every nine units, nearly all a letter and one accent.
         * The general lookup (hash of first, last and length, a probe, a comparison loop, the
         * image in the arena) took a fifth of NFC's time there; this is one load and one compare.
         * French NFD to NFC went from 786 to 577 us at 100 KB (best of 5 s in fresh JVMs).
         */
        private final long[] pairs = new long[PAIR_SLOTS];
        private static final int PAIR_SLOTS = 4096; // power of two: 32 KiB
        private static final long PAIR_PRESENT = 1L << 48;
        private static final long PAIR_UNCHANGED = 1L << 49;
        private static final VarHandle PAIR = MethodHandles.arrayElementVarHandle(long[].class);

        static int pairSlot(int key) {
            return key * 0x9E37_79B1 >>> 32 - Integer.numberOfTrailingZeros(PAIR_SLOTS);
        }

        /** The pair entry for the two units {@code key} (first << 16 | second), or 0. */
        long pair(int key) {
            long e = (long) PAIR.getOpaque(pairs, pairSlot(key));
            return (e & PAIR_PRESENT) != 0 && (int) (e >>> 16) == key ? e : 0;
        }

        static boolean pairUnchanged(long pairEntry) {
            return (pairEntry & PAIR_UNCHANGED) != 0;
        }

        static char pairImage(long pairEntry) {
            return (char) pairEntry;
        }

        /** Keeps {@code entry} (from {@link #find}, for the two units {@code key}) in the pair table if its image fits. */
        void putPair(int key, long entry) {
            long e = PAIR_PRESENT | (key & 0xFFFF_FFFFL) << 16;
            if (unchanged(entry)) {
                e |= PAIR_UNCHANGED;
            } else if (imageLength(entry) == 1) {
                e |= arena[offset(entry) + (int) (entry & 0xFF)];
            } else {
                return;
            }
            PAIR.setOpaque(pairs, pairSlot(key), e);
        }

        /** The entry for {@code s[from, to)}, or 0 when its normalization is not known. */
        long find(String s, int from, int to) {
            int len = to - from;
            if (len > CACHED_PIECE_CHARS) {
                return 0;
            }
            int h = hash(s, from, to);
            for (int p = 0; p < PROBES; p++) {
                long e = (long) SLOT.getAcquire(slots, h + p & SLOTS - 1);
                if (e == 0) {
                    return 0;
                }
                if ((int) (e & 0xFF) == len && e != CLAIMED && sameChars(s, from, len, offset(e))) {
                    return e;
                }
            }
            return 0;
        }

        /**
         * Whether the piece at {@code arena[at]} equals {@code s[from, from + len)}. A plain
         * loop: pieces are two or three units, and String.regionMatches cost more than the rest
         * of the lookup (French NFD to NFC, JFR).
         */
        private boolean sameChars(String s, int from, int len, int at) {
            char[] a = arena;
            for (int k = 0; k < len; k++) {
                if (a[at + k] != s.charAt(from + k)) {
                    return false;
                }
            }
            return true;
        }

        static boolean unchanged(long entry) {
            return (entry & 1L << 24) != 0;
        }

        private static int offset(long entry) {
            return (int) (entry >>> 32);
        }

        private static int imageLength(long entry) {
            return (int) (entry >>> 8 & 0xFFFF);
        }

        /** Appends the image of {@code entry} (from {@link #find}) to {@code r}. */
        Output appendImage(long entry, Output r) {
            int len = imageLength(entry);
            int at = offset(entry) + (int) (entry & 0xFF);
            return len == 1 ? r.append(arena[at]) : r.append(arena, at, len);
        }

        /** The normalization of {@code s[from, to)}, or null when it is not known. */
        String get(String s, int from, int to) {
            long e = find(s, from, to);
            return e == 0 ? null : new String(arena, offset(e) + (int) (e & 0xFF), imageLength(e));
        }

        void put(String piece, String image) {
            int len = piece.length();
            if (len > CACHED_PIECE_CHARS || image.length() > 0xFFFF) {
                return;
            }
            int h = hash(piece, 0, len);
            for (int p = 0; p < PROBES; p++) {
                int slot = h + p & SLOTS - 1;
                if (SLOT.compareAndSet(slots, slot, 0L, CLAIMED)) {
                    int at = arenaTop.getAndAdd(len + image.length());
                    if (at < 0 || at > ARENA_CHARS - len - image.length()) {
                        arenaTop.set(ARENA_CHARS); // full (and no overflow from later adds)
                        return; // the slot stays CLAIMED: it never matches
                    }
                    piece.getChars(0, len, arena, at);
                    image.getChars(0, image.length(), arena, at + len);
                    long entry = (long) at << 32 | (piece.equals(image) ? 1L << 24 : 0) | (long) image.length() << 8 | len;
                    SLOT.setRelease(slots, slot, entry);
                    return;
                }
            }
        }
    }

    /**
     * The mapped code points for {@code key}: the stable image of each, {@link #DELETED}, or 0;
     * empty if none could be learnt.
     */
    private char[] map(int key, long[] bits) {
        char[] map = maps.get(key);
        return map != null ? map : DerivedTables.once(maps, key, () -> {
            char[] built = shipped.mappings(key);
            return built != null && built.length == 0x10000 ? built : learn(key, bits);
        });
    }

    /** The mapped code points for ABI key {@code key} (no cross-code-point options), for {@link ShippedTables}. */
    char[] mappings(int key) {
        return map(key, stable.set(key));
    }

    private char[] learn(int key, long[] bits) {
        StringBuilder probe = new StringBuilder();
        char[] candidates = new char[0x10000];
        int count = 0;
        for (int c = 0; c < 0x10000; c++) {
            if (!Character.isSurrogate((char) c) && !StableText.contains(bits, c)) {
                candidates[count++] = (char) c;
                probe.append((char) c).append(SEPARATOR);
            }
        }
        byte[] in = Utf8.encode(probe);
        byte[] out = pool.with(ci -> Calls.normalize(ci, in, 0, in.length, key, null, 0));
        String result = out == null ? probe.toString() : new String(out, StandardCharsets.UTF_8);
        String[] images = new String[count + 1];
        if (!split(result, images)) {
            return NONE;
        }
        char[] map = new char[0x10000];
        for (int k = 0; k < count; k++) {
            String image = images[k];
            if (image.isEmpty()) {
                map[candidates[k]] = DELETED;
            } else if (image.length() == 1) {
                char y = image.charAt(0);
                if (y != candidates[k] && !Character.isSurrogate(y) && StableText.contains(bits, y)) {
                    map[candidates[k]] = y;
                }
            }
        }
        return map;
    }
}
