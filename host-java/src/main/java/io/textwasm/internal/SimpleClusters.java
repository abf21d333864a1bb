package io.textwasm.internal;

import java.util.function.IntBinaryOperator;

/**
 * Grapheme-cluster counting and truncation that let the core see only the text where UAX #29's
 * rules have something to decide.
 *
 * <p>The core exports a grapheme shortcut for each code point of the BMP and of the emoji window
 * U+1F000..U+1FFFF (HOST_TABLES; {@code grapheme_shortcut} in the core's segment module states and
 * proves what a host may conclude from them): <em>simple</em> (a control, LF or an Indic
 * consonant), <em>base</em> (other letters, symbols, Hangul syllables), <em>picto</em> (an
 * Extended_Pictographic base), <em>regional indicator</em>, and the marks <em>Extend</em>,
 * <em>SpacingMark</em> and <em>ZWJ</em>. From these the host tracks a cluster through a base and
 * its marks, an emoji ZWJ sequence with its modifiers, and a flag, finding every boundary there;
 * anything else (CR, Hangul jamo, an Indic conjunct, Prepend, an unpaired surrogate, a code point
 * outside the table...) makes the current <em>chunk</em> unknown, and it ends at the next boundary
 * the shortcuts make certain. A known chunk is one cluster; unknown chunks are counted by the
 * core, in pieces that start and end on boundaries (cluster state never reaches across one).
 * Runs of unknown chunks, with the few known ones between them, go to the core as one piece. The
 * core's {@code grapheme_shortcut_contract} test runs this same walk against the rules.
 */
public final class SimpleClusters {
    // Grapheme shortcuts (the core's GS_* values): 1-4 start a cluster, 5-7 continue one.
    private static final int OTHER = 0;
    private static final int SIMPLE = 1;
    private static final int BASE = 2;
    private static final int PICTO = 3;
    private static final int RI = 4;
    private static final int EXTEND = 5;
    private static final int SPACING_MARK = 6;
    private static final int ZWJ = 7;
    /** Shortcuts that start a cluster in the counting run (bit per shortcut): simple and base. */
    private static final int RUN_STARTERS = 1 << SIMPLE | 1 << BASE;
    /** Shortcuts that join a base in the counting run: Extend, SpacingMark, ZWJ (GB9, GB9a). */
    private static final int RUN_MARKS = 1 << EXTEND | 1 << SPACING_MARK | 1 << ZWJ;
    /** One-cluster chunks in a row after which the pending piece goes to the core. */
    static final int FLUSH_AFTER = 16;

    private final HostTables tables;

    public SimpleClusters(HostTables tables) {
        this.tables = tables;
    }

    /**
     * The number of grapheme clusters in {@code s}; {@code core} counts them in
     * {@code s[from, to)} (called only for pieces that start and end on a boundary).
     */
    public int count(String s, IntBinaryOperator core) {
        byte[] classes = tables.classes();
        int n = s.length();
        int count = 0;
        // The piece waiting for the core, and the one-cluster chunks counted after it.
        int pendingStart = -1;
        int pendingEnd = 0;
        int after = 0;
        int chunkStart = 0;
        int state = START;
        int i = 0;
        // While no piece is waiting for the core (most text), a boundary just counts one cluster:
        // a small loop with no pending piece to track, which HotSpot compiles about twice as fast
        // as the general one when a caller's loop inlines it (JMH, emoji 10 KB). The general loop
        // takes over, at the same code point, when an unknown chunk closes, and hands back once
        // the piece has gone to the core, so one unknown chunk early in a long text does not
        // leave the rest to the slower loop: with a CR LF put before the 100 KB corpora, English
        // went from 190 to 362 MB/s and emoji from 385 to 870.
        while (i < n) {
            while (i < n) {
                int x = shortcutAt(s, i, classes);
                int e = WALK[state << 3 | x & 7];
                if ((e & (BOUNDARY | CLOSED_KNOWN)) == BOUNDARY) {
                    break;
                }
                state = e & STATE;
                if ((e & BOUNDARY) != 0) {
                    count++;
                    chunkStart = i;
                }
                i += (x & WIDE) != 0 ? 2 : 1;
                if (state == ALONE || state == ONE) {
                    // A run of BMP starters (simple, base) and marks after a base, counted
                    // without the walk: from these two states the walk puts a boundary before
                    // each such starter and returns to one of them, so a cluster starts at each
                    // starter. The walk's state is a load that depends on the previous load, about
                    // 2.5 ns per code point on any text; this loop has no such chain (English
                    // 100 KB: see the commit that added it).
                    int marksJoin = state == ONE ? 1 : 0;
                    int lastStarter = -1;
                    int j = i;
                    for (; j < n; j++) {
                        char c = s.charAt(j);
                        int v = Character.isSurrogate(c) ? OTHER : classes[c] >> 4 & 7;
                        int starter = RUN_STARTERS >>> v & 1;
                        int mark = RUN_MARKS >>> v & 1;
                        if ((starter | mark & marksJoin) == 0) {
                            break;
                        }
                        count += starter;
                        lastStarter = starter != 0 ? j : lastStarter;
                        marksJoin = (v == BASE ? 1 : 0) | mark;
                    }
                    if (j > i) {
                        state = marksJoin != 0 ? ONE : ALONE;
                        chunkStart = lastStarter >= 0 ? lastStarter : chunkStart;
                        i = j;
                    }
                }
            }
            while (i < n) {
                int x = shortcutAt(s, i, classes);
                int e = WALK[state << 3 | x & 7];
                int width = (x & WIDE) != 0 ? 2 : 1;
                state = e & STATE;
                if ((e & BOUNDARY) != 0) {
                    // A boundary at i closes the chunk [chunkStart, i).
                    if ((e & CLOSED_KNOWN) != 0) {
                        if (pendingStart < 0) {
                            count++;
                        } else if (++after == FLUSH_AFTER) {
                            count += core.applyAsInt(pendingStart, pendingEnd) + after;
                            pendingStart = -1;
                            after = 0;
                            chunkStart = i;
                            i += width;
                            break; // nothing pending: back to the small loop
                        }
                    } else {
                        if (pendingStart < 0) {
                            pendingStart = chunkStart;
                        }
                        pendingEnd = i;
                        after = 0; // the one-cluster chunks since the last piece are inside it now
                    }
                    chunkStart = i;
                }
                i += width;
            }
        }
        if (n > 0) {
            if (state >= FIRST_KNOWN) {
                after++;
            } else {
                if (pendingStart < 0) {
                    pendingStart = chunkStart;
                }
                pendingEnd = n;
                after = 0;
            }
        }
        if (pendingStart >= 0) {
            count += core.applyAsInt(pendingStart, pendingEnd);
        }
        return count + after;
    }

    // The walk that finds the boundaries, fed one code point's shortcut at a time: in a known chunk
    // it finds every boundary; in an unknown one only those between two code points that start
    // clusters (other than two regional indicators). States, by what the chunk so far is:
    private static final int START = 0; // nothing yet
    private static final int UNKNOWN = 1; // needs the core; last code point not a starter
    private static final int UNKNOWN_AFTER_STARTER = 2; // ... last code point a starter other than RI
    private static final int UNKNOWN_AFTER_RI = 3; // ... last code point a regional indicator
    private static final int ALONE = 4; // a simple code point: only a starter may follow it in a known chunk
    private static final int ONE = 5; // a base, a flag, or anything with marks: ends at the next starter
    private static final int PIC = 6; // Extended_Pictographic, then Extend: a ZWJ may come
    private static final int PIC_ZWJ = 7; // ... then ZWJ: another pictograph joins (GB11)
    private static final int FLAG_HALF = 8; // one regional indicator: a second one joins (GB12, GB13)
    /** Known chunks are one cluster each. */
    private static final int FIRST_KNOWN = ALONE;

    // A WALK entry: the next state, whether a boundary comes before the code point, and whether
    // the chunk that boundary closes was known.
    private static final int STATE = 15;
    private static final int BOUNDARY = 16;
    private static final int CLOSED_KNOWN = 32;
    /** The walk as a table, state * 8 + shortcut (one lookup per code point instead of branches). */
    private static final byte[] WALK = new byte[(FLAG_HALF + 1) * 8];

    static {
        for (int state = START; state <= FLAG_HALF; state++) {
            for (int v = OTHER; v <= ZWJ; v++) {
                WALK[state << 3 | v] = (byte) (step(state, v) | (state >= FIRST_KNOWN ? CLOSED_KNOWN : 0));
            }
        }
    }

    private static boolean starter(int v) {
        return v >= SIMPLE && v <= RI;
    }

    /** The state of a chunk that starts with a code point of shortcut {@code v}. */
    private static int fresh(int v) {
        switch (v) {
            case SIMPLE: return ALONE;
            case BASE: return ONE;
            case PICTO: return PIC;
            case RI: return FLAG_HALF;
            default: return UNKNOWN;
        }
    }

    /** The walk's step: the next state, with {@link #BOUNDARY} when a boundary comes before {@code v}. */
    private static int step(int state, int v) {
        boolean starter = starter(v);
        int unknown = v == RI ? UNKNOWN_AFTER_RI : starter ? UNKNOWN_AFTER_STARTER : UNKNOWN;
        if (state == START) {
            return fresh(v);
        }
        if (v == OTHER) {
            return UNKNOWN;
        }
        switch (state) {
            case UNKNOWN: return unknown;
            case UNKNOWN_AFTER_STARTER: return starter ? BOUNDARY | fresh(v) : unknown;
            case UNKNOWN_AFTER_RI: return starter && v != RI ? BOUNDARY | fresh(v) : unknown;
            case ALONE: return starter ? BOUNDARY | fresh(v) : UNKNOWN;
            case PIC:
                if (v == EXTEND) {
                    return PIC;
                }
                if (v == ZWJ) {
                    return PIC_ZWJ;
                }
                break;
            case PIC_ZWJ:
                if (v == PICTO) {
                    return PIC;
                }
                break;
            case FLAG_HALF:
                if (v == RI) {
                    return ONE;
                }
                break;
            default:
                break;
        }
        // Marks join and leave no state behind (GB9, GB9a); a starter begins the next cluster.
        return starter ? BOUNDARY | fresh(v) : ONE;
    }

    /** {@link #shortcutAt}: the code point is a surrogate pair. */
    private static final int WIDE = 8;

    /**
     * The grapheme shortcut of the code point at {@code i} (bits 0-2; 0 outside the table and for
     * an unpaired surrogate, which the core sees as U+FFFD), with {@link #WIDE} set for a
     * surrogate pair.
     */
    private static int shortcutAt(String s, int i, byte[] classes) {
        char c = s.charAt(i);
        if (!Character.isSurrogate(c)) {
            return classes[c] >> 4 & 7;
        }
        // Each unit is read once: the pair's index comes from the two units already in hand.
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
            char d = s.charAt(i + 1);
            if (Character.isLowSurrogate(d)) {
                int k = HostTables.indexOfPair(c, d);
                return k < 0 ? WIDE : WIDE | classes[k] >> 4 & 7;
            }
        }
        return OTHER;
    }

    /** How far back from the budget's end {@link #cutNearBudget} looks for a certain boundary. */
    private static final int NEAR = 32;

    /**
     * {@link #cut} for a size unit, decided next to the budget's end instead of by walking from
     * the start, as ICU4J's users do with isBoundary and preceding (its truncation took 0.33 us on
     * 1 MB of English, the walk 1.6 us); -1 when the code points there do not settle it, and the
     * walk must. From the budget's end it steps back over positions that are certainly not
     * boundaries to the first that certainly is; any position it cannot tell stops it, so the
     * prefix it returns is the longest, as the walk's.
     */
    private static int cutNearBudget(String s, int unit, long budget, byte[] classes) {
        int n = s.length();
        int end = budgetEnd(s, unit, budget);
        if (end >= n || end <= 0) {
            return -1;
        }
        int p = end;
        for (int step = 0; step < NEAR && p > 0; step++) {
            int before = p >= 2 && Character.isLowSurrogate(s.charAt(p - 1)) && Character.isHighSurrogate(s.charAt(p - 2)) ? p - 2 : p - 1;
            int a = shortcutAt(s, before, classes) & 7;
            int b = shortcutAt(s, p, classes) & 7;
            if ((b == BASE || b == PICTO) && (1 << a & CERTAIN_BEFORE_STARTER) != 0) {
                // GB999: no rule joins these (GB9c needs a consonant after, GB11 a ZWJ before,
                // GB6-GB8 jamo, GB3-GB5 CR or a control on the right, GB12-GB13 two indicators).
                return p;
            }
            if ((b == EXTEND || b == SPACING_MARK || b == ZWJ) && (1 << a & JOINED_BY_MARKS) != 0) {
                p = before; // GB9, GB9a: a mark joins what precedes it unless that is a control (GB4)
                continue;
            }
            return -1;
        }
        return -1;
    }

    /** Left sides after which a base or pictograph certainly starts a cluster. */
    private static final int CERTAIN_BEFORE_STARTER = 1 << SIMPLE | 1 << BASE | 1 << PICTO | 1 << EXTEND | 1 << SPACING_MARK;
    /** Left sides that are certainly not a control (GB4), so a mark after them joins them. */
    private static final int JOINED_BY_MARKS = 1 << BASE | 1 << PICTO | 1 << RI | 1 << EXTEND | 1 << SPACING_MARK | 1 << ZWJ;

    /**
     * The largest index whose prefix is at most {@code budget} in {@code unit}, never inside a
     * surrogate pair (an unpaired surrogate counts as U+FFFD: three UTF-8 bytes, one unit, one
     * code point, as the core sees it). Reads only up to the budget. Public for the benchmarks,
     * whose ICU4J and java.text truncation contenders start from the same budget end.
     */
    public static int budgetEnd(String s, int unit, long budget) {
        int n = s.length();
        long size = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
            long k = unit == UTF8_BYTES ? (pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3) : unit == UTF16_UNITS ? (pair ? 2 : 1) : 1;
            if (size + k > budget) {
                return i;
            }
            size += k;
            i += pair ? 2 : 1;
        }
        return n;
    }

    /** Units of {@link #cut}, as the ABI numbers them (Truncation.Unit). */
    public static final int UTF8_BYTES = 0;
    public static final int UTF16_UNITS = 1;
    public static final int CODE_POINTS = 2;
    public static final int GRAPHEMES = 3;

    /**
     * Where to truncate {@code s}: the longest prefix that ends on a cluster boundary and whose
     * size in {@code unit} is at most {@code budget}, found with the same shortcuts as
     * {@link #count}; {@code s.length()} when the whole text is at most {@code limit} (checked
     * only for grapheme units: for the others the caller knows); -1 when the host cannot tell
     * (a cluster the shortcuts do not delimit reaches past the budget), and the core must.
     * The work is proportional to the prefix read, never to the text.
     */
    public int cut(String s, int unit, long limit, long budget) {
        byte[] classes = tables.classes();
        int n = s.length();
        if (unit != GRAPHEMES) {
            int near = cutNearBudget(s, unit, budget, classes);
            if (near >= 0) {
                return near;
            }
        }
        long stopAbove = unit == GRAPHEMES ? limit : budget;
        // Past this many UTF-16 units the core decides (it bounds its own reading of a long cluster).
        long readCap = 8 * stopAbove + 256;
        long size = 0; // size of s[0, i) in unit (grapheme units: clusters in closed chunks)
        int cut = 0; // the last certain boundary whose size fits the budget
        int state = START;
        int i = 0;
        while (i < n) {
            int x = shortcutAt(s, i, classes);
            int width = (x & WIDE) != 0 ? 2 : 1;
            int e = WALK[state << 3 | x & 7];
            state = e & STATE;
            boolean closedKnown = (e & CLOSED_KNOWN) != 0;
            if ((e & BOUNDARY) != 0) {
                // A certain boundary at i closes a chunk.
                if (unit == GRAPHEMES) {
                    if (!closedKnown) {
                        return -1; // the core counts the clusters in such a chunk
                    }
                    size++;
                }
                if (size > stopAbove) {
                    // The chunk does not fit: one cluster cannot be split, anything else the core must split.
                    return closedKnown ? cut : -1;
                }
                if (size <= budget) {
                    cut = i;
                }
            }
            switch (unit) {
                // An unpaired surrogate is U+FFFD to the core: three UTF-8 bytes, like any BMP code point.
                case UTF8_BYTES: size += width == 2 ? 4 : s.charAt(i) < 0x80 ? 1 : s.charAt(i) < 0x800 ? 2 : 3; break;
                case UTF16_UNITS: size += width; break;
                case CODE_POINTS: size++; break;
                default: break;
            }
            if (i > readCap) {
                return -1;
            }
            i += width;
        }
        // The end of the text is a boundary too.
        if (unit == GRAPHEMES) {
            if (n > 0 && state < FIRST_KNOWN) {
                return -1;
            }
            return size + (n > 0 ? 1 : 0) <= limit ? n : cut;
        }
        return size <= budget ? n : state >= FIRST_KNOWN ? cut : -1;
    }
}
