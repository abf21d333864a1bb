package io.textwasm.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * UAX #29 word segmentation of a String in the host, for tokenize and word boundaries, so the
 * text is neither encoded nor copied into the module and no token record crosses back.
 *
 * <p>These are the core's word rules ({@code Words} in the core's segment module) rule for rule,
 * over the module's own per-code-point data (WORD_TABLE: Word_Break value, Extended_Pictographic
 * where WB3c needs it, token kind), with the same context: the last code point, the last two that
 * WB4 does not ignore, the parity of a regional-indicator run, and the next code point that WB4
 * does not ignore for WB6, WB7b and WB12. {@link Machine} compiles them, once per JVM, into an
 * automaton of a few dozen states that reads each code point once, without lookahead. The core's
 * segment kind rule is repeated in {@link #kindOf}. Tests hold the two implementations together:
 * the official WordBreakTest, the ICU4J differential on random text and a differential against
 * the core (WordSegmentsTest).
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
     *
     * <p>One load of {@link Machine#STEPS} per code point decides everything: the rules are
     * compiled into it from {@link Machine#step}. {@code head} holds the kinds of the open
     * segment up to a deferred boundary ({@code pending}), {@code tail} those after it (or all of
     * them when nothing is deferred), so a code point's kind goes to the same place either way.
     */
    private static long run(String s, int from, int to, byte[] table, Sink sink) {
        int[] steps = Machine.STEPS;
        int state = Machine.START;
        int start = from;
        int pending = from;
        int head = 0;
        int tail = 0;
        int i = from;
        while (i < to) {
            // valueAt and width, written out: calling them tests the surrogate twice, and ran 10-16%
            // slower on emoji and Japanese (equal on English and French; two A/B runs in one JVM).
            char c = s.charAt(i);
            int v;
            int w = 1;
            if (!Character.isSurrogate(c)) {
                v = table[c] & 0xFF;
            } else {
                int k = HostTables.indexOfSurrogates(s, i, to);
                v = k < 0 ? CORE : table[k] & 0xFF;
                w = 2;
            }
            int x = v & 31;
            if (x == CORE) {
                return (long) start << 32 | i;
            }
            int e = steps[state << 5 | x];
            state = e >>> Machine.ACTION_BITS;
            int kind = 1 << (v >>> 5);
            switch (e & Machine.ACTION_MASK) {
                case Machine.JOIN:
                    tail |= kind;
                    break;
                case Machine.BREAK:
                    sink.segment(start, i, KIND_OF[head | tail]);
                    start = i;
                    head = 0;
                    tail = kind;
                    break;
                case Machine.DEFER:
                    pending = i;
                    head |= tail;
                    tail = kind;
                    break;
                case Machine.BROKE_THEN_JOIN:
                    sink.segment(start, pending, KIND_OF[head]);
                    start = pending;
                    head = 0;
                    tail |= kind;
                    break;
                default: // BROKE_THEN_BREAK
                    sink.segment(start, pending, KIND_OF[head]);
                    sink.segment(pending, i, KIND_OF[tail]);
                    start = i;
                    head = 0;
                    tail = kind;
                    break;
            }
            i += w;
        }
        if (Machine.DEFERRED[state]) {
            // Nothing follows the deferred code point: WB6, WB7b and WB12 need something.
            sink.segment(start, pending, KIND_OF[head]);
            start = pending;
            head = 0;
        }
        if (i > start) {
            sink.segment(start, i, KIND_OF[head | tail]);
        }
        return -1;
    }

    /**
     * The word-boundary rules as a deterministic automaton over the table's values (0 to
     * {@link #OTHER_PICTO}), built when first used (a holder class) from {@link #step}, which
     * applies the rules to an explicit context, so the rules stay in one place.
     *
     * <p>The context is what UAX #29 needs: the last code point, the last two that WB4 does not
     * ignore, the parity of a regional-indicator run. WB6, WB7b and WB12 also need the next code
     * point that WB4 does not ignore; the automaton defers that boundary instead ({@link #DEFER})
     * and settles it when the next such code point arrives, or at the end of the text. Every
     * reachable context is enumerated, then contexts that behave alike on every input are merged
     * (Moore's partition refinement), leaving a few dozen states.
     */
    static final class Machine {
        /** No boundary before the code point. */
        static final int JOIN = 0;
        /** A boundary before the code point. */
        static final int BREAK = 1;
        /** Whether there is a boundary before the code point is settled later. */
        static final int DEFER = 2;
        /** The deferred boundary is one; none before the code point. */
        static final int BROKE_THEN_JOIN = 3;
        /** The deferred boundary is one, and so is the one before the code point. */
        static final int BROKE_THEN_BREAK = 4;
        static final int ACTION_BITS = 3;
        static final int ACTION_MASK = 7;

        /** {@code STEPS[state << 5 | value]}: next state << ACTION_BITS | action. */
        static final int[] STEPS;
        /** States in which a boundary is deferred (at the end of the text, it is one). */
        static final boolean[] DEFERRED;
        static final int START = 0;

        private static final int VALUES = OTHER_PICTO + 1;

        /**
         * A context, packed: rawPrev, prev, prev2 (5 bits each), the parity of the regional
         * indicators, whether no code point was seen, and the deferred decision's own prev2, prev,
         * cur and parity with a bit saying there is one.
         */
        private static long pack(int rawPrev, int prev, int prev2, boolean odd, boolean first,
                boolean deferred, int dPrev2, int dPrev, int dCur, boolean dOdd) {
            // Canonical forms, so that contexts which cannot behave differently are one: prev2 is
            // read only after MidLetter, MidNum, MidNumLet, a quote (WB7, WB7c, WB11), the parity
            // only after a regional indicator.
            if (!is(MID_LETTER_Q | MID_NUM_Q | 1 << DOUBLE_QUOTE, prev)) {
                prev2 = NONE;
            }
            if (prev != RI) {
                odd = false;
            }
            if (!deferred) {
                dPrev2 = dPrev = dCur = 0;
                dOdd = false;
            }
            return (long) rawPrev | (long) prev << 5 | (long) prev2 << 10 | (odd ? 1L : 0) << 15 | (first ? 1L : 0) << 16
                    | (deferred ? 1L : 0) << 17 | (long) dPrev2 << 18 | (long) dPrev << 23 | (long) dCur << 28 | (dOdd ? 1L : 0) << 33;
        }

        /** The context at the start of a text. */
        static final long START_CONTEXT = pack(NONE, NONE, NONE, false, true, false, 0, 0, 0, false);

        /** Whether a boundary is deferred in the context. */
        static boolean deferred(long ctx) {
            return bit(ctx, 17);
        }

        private static int field(long ctx, int shift) {
            return (int) (ctx >>> shift & 31);
        }

        private static boolean bit(long ctx, int shift) {
            return (ctx >>> shift & 1) != 0;
        }

        /**
         * The rules applied to the table value {@code x} in context {@code ctx}: the next context
         * (high part) and the action (low {@link #ACTION_BITS} bits).
         */
        static long step(long ctx, int x) {
            int rawPrev = field(ctx, 0);
            int prev = field(ctx, 5);
            int prev2 = field(ctx, 10);
            boolean riOdd = bit(ctx, 15);
            boolean first = bit(ctx, 16);
            boolean deferred = bit(ctx, 17);
            int cur = wb(x);
            // The deferred boundary is settled by the first code point WB4 does not ignore.
            int settled = -1;
            if (deferred && !is(IGNORED, cur)) {
                settled = joins(field(ctx, 18), field(ctx, 23), field(ctx, 28), cur, bit(ctx, 33)) ? JOIN : BREAK;
                deferred = false;
            }
            int d;
            if (first) {
                d = JOIN; // no boundary at the start of the text
            } else if (rawPrev == CR && cur == LF) {
                d = JOIN; // WB3
            } else if (is(NEWLINES, rawPrev) || is(NEWLINES, cur)) {
                d = BREAK; // WB3a, WB3b
            } else if (rawPrev == ZWJ && x == OTHER_PICTO) {
                d = JOIN; // WB3c
            } else if (rawPrev == WSEG_SPACE && cur == WSEG_SPACE) {
                d = JOIN; // WB3d
            } else if (is(IGNORED, cur)) {
                d = JOIN; // WB4
            } else if (needsNext(prev, cur) && dependsOnNext(prev2, prev, cur, riOdd)) {
                d = DEFER; // WB6, WB7b, WB12: settled by the next code point WB4 does not ignore
            } else {
                d = joins(prev2, prev, cur, NONE, riOdd) ? JOIN : BREAK;
            }
            int action;
            if (settled == -1) {
                action = d;
                if (deferred && d != JOIN) {
                    throw new IllegalStateException("a boundary while one is deferred");
                }
            } else if (settled == BREAK && d != DEFER) {
                action = d == JOIN ? BROKE_THEN_JOIN : BROKE_THEN_BREAK;
            } else if (settled == JOIN) {
                action = d; // the deferred code point stays in the open segment, whatever comes next
            } else {
                throw new IllegalStateException("a deferred boundary settled before another is deferred");
            }
            int dPrev2 = field(ctx, 18);
            int dPrev = field(ctx, 23);
            int dCur = field(ctx, 28);
            boolean dOdd = bit(ctx, 33);
            if (d == DEFER) {
                deferred = true;
                dPrev2 = prev2;
                dPrev = prev;
                dCur = cur;
                dOdd = riOdd;
            }
            // WB4: Extend, Format and ZWJ attach to what precedes them and are otherwise
            // invisible, except after a newline or at the start of text.
            if (!(is(IGNORED, cur) && !is(NEWLINES, rawPrev) && rawPrev != NONE)) {
                riOdd = cur == RI && !(prev == RI && riOdd);
                prev2 = prev;
                prev = cur;
            }
            long next = pack(cur, prev, prev2, riOdd, false, deferred, dPrev2, dPrev, dCur, dOdd);
            return next << ACTION_BITS | action;
        }

        /** Whether the code point after cur changes {@link #joins} (WB7a joins a Hebrew letter and an apostrophe anyway). */
        private static boolean dependsOnNext(int prev2, int prev, int cur, boolean riOdd) {
            boolean without = joins(prev2, prev, cur, NONE, riOdd);
            for (int next = 0; next < OTHER_PICTO; next++) {
                if (joins(prev2, prev, cur, next, riOdd) != without) {
                    return true;
                }
            }
            return false;
        }

        static {
            // Every context reachable from the start.
            Map<Long, Integer> index = new HashMap<>();
            List<Long> contexts = new ArrayList<>();
            index.put(START_CONTEXT, 0);
            contexts.add(START_CONTEXT);
            List<int[]> edges = new ArrayList<>(); // per context: next << ACTION_BITS | action
            for (int n = 0; n < contexts.size(); n++) {
                int[] out = new int[VALUES];
                for (int x = 0; x < VALUES; x++) {
                    long r = step(contexts.get(n), x);
                    long next = r >>> ACTION_BITS;
                    Integer k = index.get(next);
                    if (k == null) {
                        k = contexts.size();
                        index.put(next, k);
                        contexts.add(next);
                    }
                    out[x] = k << ACTION_BITS | (int) (r & ACTION_MASK);
                }
                edges.add(out);
            }
            // Merge contexts that act alike: start from "deferred or not" (what the end of the text
            // does), split blocks by (action, block of the next context) for every value until
            // nothing splits. The start context keeps block 0.
            int n = contexts.size();
            int[] block = new int[n];
            for (int c = 0; c < n; c++) {
                block[c] = deferred(contexts.get(c)) ? 1 : 0;
            }
            int blocks = 2;
            while (true) {
                // A context's signature: its block, then (block of the next context, action) per value.
                Map<String, Integer> ids = new HashMap<>();
                int[] refined = new int[n];
                char[] signature = new char[VALUES + 1];
                for (int c = 0; c < n; c++) {
                    signature[0] = (char) block[c];
                    int[] out = edges.get(c);
                    for (int x = 0; x < VALUES; x++) {
                        signature[x + 1] = (char) (block[out[x] >>> ACTION_BITS] << ACTION_BITS | out[x] & ACTION_MASK);
                    }
                    Integer id = ids.putIfAbsent(new String(signature), ids.size());
                    refined[c] = id != null ? id : ids.size() - 1;
                }
                block = refined;
                if (ids.size() == blocks) {
                    break;
                }
                blocks = ids.size();
            }
            STEPS = new int[blocks << 5];
            DEFERRED = new boolean[blocks];
            for (int c = 0; c < n; c++) {
                int b = block[c];
                DEFERRED[b] = deferred(contexts.get(c));
                for (int x = 0; x < VALUES; x++) {
                    int e = edges.get(c)[x];
                    STEPS[b << 5 | x] = block[e >>> ACTION_BITS] << ACTION_BITS | (e & ACTION_MASK);
                }
            }
        }

        private Machine() {
        }
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
