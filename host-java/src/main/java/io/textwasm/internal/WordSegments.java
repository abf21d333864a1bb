package io.textwasm.internal;

/**
 * UAX #29 word segmentation of a String in the host, for tokenize and word boundaries, so the
 * text is neither encoded nor copied into the module and no token record crosses back.
 *
 * <p>This is the core's word machine ({@code Words} in the core's segment module) rule for rule,
 * over the module's own per-code-point data (WORD_TABLE: Word_Break value, Extended_Pictographic
 * where WB3c needs it, token kind), with the same state: the last code point, the last two that
 * WB4 does not ignore, the parity of a regional-indicator run, and one code point of lookahead
 * for WB6, WB7b and WB12. The core's segment kind rule is repeated in {@link #kindOf}. Tests hold
 * the two implementations together: the official WordBreakTest, the ICU4J differential on random
 * text and a differential against the core (WordSegmentsTest).
 *
 * <p>What the table does not cover (code points outside the BMP and U+1F000..U+1FFFF, unpaired
 * surrogates, and the rare Extended_Pictographic letters such as Ⓜ) goes to the core: from the
 * start of the segment that meets it to the next boundary that is certain without it, where a
 * code point of Word_Break Other, WSegSpace, Newline or LF is followed by one that WB4 does not
 * ignore (and not WSegSpace after WSegSpace). No rule joins such a pair (WB3c needs a ZWJ on the
 * left, WB3d two WSegSpace, WB5-WB16 a letter, digit, Katakana, ExtendNumLet, Mid* or Hebrew
 * quote, or a regional indicator on the left), and none looks back past it, so both sides
 * restart with fresh state.
 */
public final class WordSegments {
    // Word_Break values (the core's props::WB_*) and the table's pseudo-values.
    private static final int OTHER = 0;
    private static final int CR = 1;
    private static final int LF = 2;
    private static final int NEWLINE = 3;
    private static final int EXTEND = 4;
    private static final int ZWJ = 5;
    private static final int RI = 6;
    private static final int FORMAT = 7;
    private static final int KATAKANA = 8;
    private static final int HEBREW_LETTER = 9;
    private static final int ALETTER = 10;
    private static final int SINGLE_QUOTE = 11;
    private static final int DOUBLE_QUOTE = 12;
    private static final int MID_NUM_LET = 13;
    private static final int MID_LETTER = 14;
    private static final int MID_NUM = 15;
    private static final int NUMERIC = 16;
    private static final int EXTEND_NUM_LET = 17;
    private static final int WSEG_SPACE = 18;
    /** Table only: Other and Extended_Pictographic. */
    private static final int OTHER_PICTO = 19;
    /** Table only, and for code points outside it: the core decides. */
    private static final int CORE = 31;
    /** No code point (start or end of text): in no set below. */
    private static final int NONE = 30;

    private static final int AH = 1 << ALETTER | 1 << HEBREW_LETTER;
    private static final int MID_LETTER_Q = 1 << MID_LETTER | 1 << MID_NUM_LET | 1 << SINGLE_QUOTE;
    private static final int MID_NUM_Q = 1 << MID_NUM | 1 << MID_NUM_LET | 1 << SINGLE_QUOTE;
    private static final int IGNORED = 1 << EXTEND | 1 << FORMAT | 1 << ZWJ;
    private static final int NEWLINES = 1 << NEWLINE | 1 << CR | 1 << LF;
    /** Left sides of a certain boundary (see the class comment). */
    private static final int SAFE_LEFT = 1 << OTHER | 1 << OTHER_PICTO | 1 << WSEG_SPACE | 1 << NEWLINE | 1 << LF;

    // Token kinds (Abi / TokenKind codes) and per-code-point kinds (the core's props::KIND_*).
    private static final int TOKEN_WORD = 0;
    private static final int TOKEN_NUMBER = 1;
    private static final int TOKEN_IDEOGRAPHIC = 2;
    private static final int TOKEN_KANA = 3;
    private static final int TOKEN_EMOJI = 4;
    private static final int TOKEN_PUNCTUATION = 5;
    private static final int TOKEN_WHITESPACE = 6;
    private static final int TOKEN_OTHER = 7;
    private static final int KIND_LETTER = 1;
    private static final int KIND_NUMBER = 2;
    private static final int KIND_IDEOGRAPHIC = 3;
    private static final int KIND_KANA = 4;
    private static final int KIND_EMOJI = 5;
    private static final int KIND_PUNCTUATION = 6;
    private static final int KIND_SPACE = 7;

    /** Receives segments in order: UTF-16 offsets and a token kind (Abi codes). */
    public interface Sink {
        void segment(int start, int end, int kind);
    }

    /** The core's segments of {@code s[from, to)}, given to {@code sink} with offsets into s. */
    public interface Core {
        void segments(int from, int to, Sink sink);
    }

    /**
     * The fallback the String API uses: the core's tokenize of {@code s[from, to)} (UTF-16
     * offsets, every segment), shifted to offsets into s.
     */
    public static void coreSegments(InstancePool pool, String s, int from, int to, Sink sink) {
        byte[] in = Utf8.encode(s, from, to);
        int[] r = pool.with(ci -> Calls.tokenize(ci, in, Abi.TOK_UTF16)).records;
        for (int i = 0; i + Abi.TOKEN_WORDS <= r.length; i += Abi.TOKEN_WORDS) {
            sink.segment(r[i] + from, r[i + 1] + from, r[i + 2] & 7);
        }
    }

    private final HostTables tables;

    public WordSegments(HostTables tables) {
        this.tables = tables;
    }

    private static boolean is(int set, int wb) {
        return (set >>> wb & 1) != 0;
    }

    /** The table byte of the code point at {@code i} ({@link #CORE} if none); {@link #width} tells its length. */
    private static int valueAt(String s, int i, int to, byte[] table) {
        char c = s.charAt(i);
        if (!Character.isSurrogate(c)) {
            return table[c] & 0xFF;
        }
        int k = HostTables.indexOfSurrogates(s, i, to);
        return k < 0 ? CORE : table[k] & 0xFF;
    }

    private static int width(String s, int i, int to) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
    }

    /** Word_Break of a table value, with Other for OTHER_PICTO. */
    private static int wb(int v) {
        int x = v & 31;
        return x == OTHER_PICTO ? OTHER : x;
    }

    /** Segments of {@code s[from, to)}, as if it were the whole text, in order. */
    public void segment(String s, int from, int to, Sink sink, Core core) {
        byte[] table = tables.wordTable();
        int i = from;
        while (i < to) {
            long stopped = run(s, i, to, table, sink);
            if (stopped < 0) {
                return;
            }
            // The core takes the open segment, which met what the table does not cover, up to a
            // certain boundary.
            int open = (int) (stopped >>> 32);
            int end = certainBoundaryAfter(s, (int) stopped, to, table);
            core.segments(open, end, sink);
            i = end;
        }
    }

    /**
     * The machine from a boundary at {@code from} with fresh state, to {@code to}: -1 when it
     * emitted every segment, else the start of the open segment (high half) and the position of
     * the code point it cannot decide (low half); nothing from the open segment on was emitted.
     */
    private static long run(String s, int from, int to, byte[] table, Sink sink) {
        int rawPrev = NONE;
        int prev = NONE;
        int prev2 = NONE;
        boolean riOdd = false;
        int start = from;
        int kinds = 0;
        int i = from;
        while (i < to) {
            int v = valueAt(s, i, to, table);
            if ((v & 31) == CORE) {
                return (long) start << 32 | i;
            }
            int w = width(s, i, to);
            int cur = wb(v);
            if (cur == prev && (cur == ALETTER || cur == NUMERIC || cur == KATAKANA)
                    && (rawPrev == cur || is(IGNORED, rawPrev))) {
                // The common case, decided without the rules below: a letter after a letter
                // (WB5), a digit after a digit (WB8), Katakana after Katakana (WB13), with only
                // code points WB4 ignores between them. No earlier rule applies to these classes
                // (WB3c only to a pictograph after a ZWJ).
                kinds |= 1 << (v >>> 5);
                riOdd = false;
                prev2 = prev;
                i += w;
                // The rest of the run of this class and the marks in it (French in NFD, Indic
                // scripts), with nothing else to track: prev2 == prev == cur, and rawPrev is the
                // last code point taken (a ZWJ there decides WB3c for what follows).
                rawPrev = cur;
                while (i < to) {
                    char c = s.charAt(i);
                    int x = Character.isSurrogate(c) ? -1 : table[c] & 0xFF;
                    int xc = x & 31;
                    if (xc != cur && !is(IGNORED, xc)) {
                        break;
                    }
                    rawPrev = xc;
                    kinds |= 1 << (x >>> 5);
                    i++;
                }
                continue;
            }
            if (i > start) {
                // Is there a boundary before this code point? (The core's Words::breaks.) Most
                // pairs are decided by the two code points alone (see Quick).
                int quick = Quick.TABLE[rawPrev << 5 | (v & 31)];
                boolean boundary;
                if (quick != Pairs.DEPENDS) {
                    boundary = quick == Pairs.BREAKS;
                } else if (rawPrev == CR && cur == LF) {
                    boundary = false; // WB3
                } else if (is(NEWLINES, rawPrev) || is(NEWLINES, cur)) {
                    boundary = true; // WB3a, WB3b
                } else if (rawPrev == ZWJ && (v & 31) == OTHER_PICTO) {
                    boundary = false; // WB3c
                } else if (rawPrev == WSEG_SPACE && cur == WSEG_SPACE) {
                    boundary = false; // WB3d
                } else if (is(IGNORED, cur)) {
                    boundary = false; // WB4
                } else {
                    int next = NONE;
                    if (needsNext(prev, cur)) {
                        // The next code point WB4 does not ignore.
                        for (int k = i + w; k < to; k += width(s, k, to)) {
                            int x = valueAt(s, k, to, table);
                            if ((x & 31) == CORE) {
                                return (long) start << 32 | k;
                            }
                            if (!is(IGNORED, wb(x))) {
                                next = wb(x);
                                break;
                            }
                        }
                    }
                    boundary = !joins(prev2, prev, cur, next, riOdd);
                }
                if (boundary) {
                    sink.segment(start, i, KIND_OF[kinds]);
                    start = i;
                    kinds = 0;
                }
            }
            kinds |= 1 << (v >>> 5);
            // WB4: Extend, Format and ZWJ attach to what precedes them and are otherwise invisible,
            // except after a newline or at the start of text.
            if (!(is(IGNORED, cur) && !is(NEWLINES, rawPrev) && rawPrev != NONE)) {
                riOdd = cur == RI && !(prev == RI && riOdd);
                prev2 = prev;
                prev = cur;
            }
            rawPrev = cur;
            i += w;
        }
        if (i > start) {
            sink.segment(start, i, KIND_OF[kinds]);
        }
        return -1;
    }

    /** Do WB6, WB7b or WB12 need the next code point to decide between prev and cur? */
    private static boolean needsNext(int prev, int cur) {
        return is(AH, prev) && is(MID_LETTER_Q, cur) || prev == HEBREW_LETTER && cur == DOUBLE_QUOTE
                || prev == NUMERIC && is(MID_NUM_Q, cur);
    }

    /**
     * WB5-WB16: is there no boundary between prev and cur, given the last code point before prev
     * and the next after cur that WB4 does not ignore, and whether prev ends an odd run of
     * regional indicators?
     */
    static boolean joins(int prev2, int prev, int cur, int next, boolean riOdd) {
        boolean ahPrev = is(AH, prev);
        boolean numPrev = prev == NUMERIC;
        boolean ahCur = is(AH, cur);
        boolean numCur = cur == NUMERIC;
        return ahPrev && ahCur                                                   // WB5
                || ahPrev && is(MID_LETTER_Q, cur) && is(AH, next)               // WB6
                || is(AH, prev2) && is(MID_LETTER_Q, prev) && ahCur              // WB7
                || prev == HEBREW_LETTER && cur == SINGLE_QUOTE                  // WB7a
                || prev == HEBREW_LETTER && cur == DOUBLE_QUOTE && next == HEBREW_LETTER // WB7b
                || prev2 == HEBREW_LETTER && prev == DOUBLE_QUOTE && cur == HEBREW_LETTER // WB7c
                || (numPrev || ahPrev) && numCur                                 // WB8, WB9
                || numPrev && ahCur                                              // WB10
                || prev2 == NUMERIC && is(MID_NUM_Q, prev) && numCur             // WB11
                || numPrev && is(MID_NUM_Q, cur) && next == NUMERIC              // WB12
                || prev == KATAKANA && cur == KATAKANA                           // WB13
                || cur == EXTEND_NUM_LET && (ahPrev || numPrev || prev == KATAKANA || prev == EXTEND_NUM_LET) // WB13a
                || prev == EXTEND_NUM_LET && (ahCur || numCur || cur == KATAKANA) // WB13b
                || prev == RI && cur == RI && riOdd;                             // WB15, WB16
    }

    /**
     * {@link #joins} for each (prev, cur) pair, where the pair alone decides it: most boundaries
     * are then one table load instead of fourteen rules. Computed from {@code joins} itself over
     * every context, so the rules stay in one place. (A holder class: built on first use.)
     */
    static final class Pairs {
        static final byte BREAKS = 0;
        static final byte JOINS = 1;
        /** prev2, next or the regional-indicator parity decide: ask {@code joins}. */
        static final byte DEPENDS = 2;
        static final byte[] TABLE = new byte[32 * 32];

        static {
            int[] values = new int[OTHER_PICTO + 1];
            for (int v = 0; v < OTHER_PICTO; v++) {
                values[v] = v;
            }
            values[OTHER_PICTO] = NONE; // wb() never yields OTHER_PICTO; NONE stands for no code point
            for (int prev : values) {
                for (int cur : values) {
                    boolean some = false;
                    boolean every = true;
                    for (int prev2 : values) {
                        for (int next : values) {
                            for (int odd = 0; odd < 2; odd++) {
                                boolean j = joins(prev2, prev, cur, next, odd == 1);
                                some |= j;
                                every &= j;
                            }
                        }
                    }
                    TABLE[prev << 5 | cur] = every ? JOINS : some ? DEPENDS : BREAKS;
                }
            }
        }

        private Pairs() {
        }
    }

    /**
     * Whether there is a boundary between two code points, from the previous code point's
     * Word_Break value and the current one's table value alone: WB3-WB4 in the order of
     * {@link #run}, then {@link Pairs}, assuming the previous code point is not one WB4 ignores
     * (then it is also the last one WB4 did not ignore). {@link Pairs#DEPENDS} where that
     * assumption fails or more context decides; {@link #run} then follows the rules in full.
     */
    static final class Quick {
        static final byte[] TABLE = new byte[32 * 32];

        static {
            java.util.Arrays.fill(TABLE, Pairs.DEPENDS);
            for (int rawPrev = 0; rawPrev <= WSEG_SPACE; rawPrev++) {
                for (int x = 0; x <= OTHER_PICTO; x++) {
                    int cur = wb(x);
                    byte d;
                    if (rawPrev == CR && cur == LF) {
                        d = Pairs.JOINS; // WB3
                    } else if (is(NEWLINES, rawPrev) || is(NEWLINES, cur)) {
                        d = Pairs.BREAKS; // WB3a, WB3b
                    } else if (is(IGNORED, rawPrev)) {
                        d = Pairs.DEPENDS; // WB3c after a ZWJ; and the last code point WB4 keeps is further back
                    } else if (rawPrev == WSEG_SPACE && cur == WSEG_SPACE) {
                        d = Pairs.JOINS; // WB3d
                    } else if (is(IGNORED, cur)) {
                        d = Pairs.JOINS; // WB4
                    } else {
                        d = Pairs.TABLE[rawPrev << 5 | cur];
                    }
                    TABLE[rawPrev << 5 | x] = d;
                }
            }
        }

        private Quick() {
        }
    }

    /**
     * The first word boundary after the code point at {@code at} that is certain whatever comes
     * before or after it (see the class comment), or {@code to} when there is none: a text cut
     * there segments, and tokenizes, piece by piece exactly as it does whole. Text in any script
     * whose letters are Word_Break Other (CJK ideographs, Thai, emoji) has one at almost every
     * code point, where {@link SegmentCuts} needs a line feed or an ASCII space.
     */
    public int certainBoundaryAfter(String s, int at, int to) {
        return certainBoundaryAfter(s, at, to, tables.wordTable());
    }

    /**
     * The first position after {@code at} where a boundary is certain without the core (see the
     * class comment), or {@code to}.
     */
    private static int certainBoundaryAfter(String s, int at, int to, byte[] table) {
        int i = at + width(s, at, to);
        int left = CORE;
        while (i < to) {
            int v = valueAt(s, i, to, table);
            int x = v & 31;
            if (x != CORE && is(SAFE_LEFT, left) && !is(IGNORED, x) && !(left == WSEG_SPACE && x == WSEG_SPACE)) {
                return i;
            }
            left = x;
            i += width(s, i, to);
        }
        return to;
    }

    /** {@link #kindOf} for every set of per-code-point kinds (8 bits): one load per segment. */
    private static final byte[] KIND_OF = new byte[256];

    static {
        for (int kinds = 0; kinds < KIND_OF.length; kinds++) {
            KIND_OF[kinds] = (byte) kindOf(kinds);
        }
    }

    /** A segment's kind from its code points' kinds, most specific first (the core's text::segment_kind). */
    static int kindOf(int kinds) {
        if ((kinds >>> KIND_IDEOGRAPHIC & 1) != 0) {
            return TOKEN_IDEOGRAPHIC;
        } else if ((kinds >>> KIND_KANA & 1) != 0) {
            return TOKEN_KANA;
        } else if ((kinds >>> KIND_LETTER & 1) != 0) {
            return TOKEN_WORD;
        } else if ((kinds >>> KIND_NUMBER & 1) != 0) {
            return TOKEN_NUMBER;
        } else if ((kinds >>> KIND_EMOJI & 1) != 0) {
            return TOKEN_EMOJI;
        } else if ((kinds >>> KIND_PUNCTUATION & 1) != 0) {
            return TOKEN_PUNCTUATION;
        } else if ((kinds >>> KIND_SPACE & 1) != 0) {
            return TOKEN_WHITESPACE;
        }
        return TOKEN_OTHER;
    }
}
