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
        Segments out = new Segments(from, to - from);
        segment(s, from, to, out, core);
        out.replay(sink);
    }

    /**
     * Segments of {@code s[from, to)}, as if it were the whole text, appended to {@code out}
     * (which must end at {@code from}).
     *
     * <p>Two paths take turns. Where the text holds none of the code points that make word
     * boundaries depend on more than their neighbours (see {@link Window}), {@link #window}
     * decides each boundary from the two code points on each side of it, without a branch per
     * code point; the automaton ({@link #run}) takes the stretches that hold such code points,
     * from the last boundary the window path knows to be certain to one past the stretch.
     */
    public void segment(String s, int from, int to, Segments out, Core core) {
        byte[] table = tables.wordTable();
        byte[] codes = tables.windowCodes();
        int i = from;
        int run = FIRST_RUN;
        while (i < to) {
            int stopped = window(s, i, to, codes, out, run);
            if (stopped == to) {
                return;
            }
            if (stopped >= 0) {
                i = stopped; // the window path ran its maximum, up to a certain boundary
                run = Math.min(2 * run, MAX_RUN);
                continue;
            }
            run = FIRST_RUN;
            int reached = ~stopped;
            // A short window run means the text is dense with such code points (French in NFD,
            // emoji), so the automaton takes a long stretch; after a long one, a short hop.
            int hop = reached - i >= WINDOW_RUN ? SHORT_HOP : LONG_HOP;
            int end = (long) reached + hop >= to - 1 ? to : certainBoundaryAfter(s, reached + hop, to, table);
            automaton(s, reached, end, table, out, core);
            i = end;
        }
    }

    /** A window run at least this long counts as long (see {@link #segment}). */
    static final int WINDOW_RUN = 256;
    /** The automaton's stretch past where the window path stopped, in UTF-16 units (at least). */
    static final int SHORT_HOP = 32;
    static final int LONG_HOP = 4096;

    /** The automaton over {@code s[from, to)} as a whole text, with the core where the table has no answer. */
    static void automaton(String s, int from, int to, byte[] table, Segments out, Core core) {
        int i = from;
        while (i < to) {
            long stopped = run(s, i, to, table, out);
            if (stopped < 0) {
                return;
            }
            // The core takes the open segment, which met what the table does not cover, up to a
            // certain boundary.
            int open = (int) (stopped >>> 32);
            int end = certainBoundaryAfter(s, (int) stopped, to, table);
            core.segments(open, end, out);
            i = end;
        }
    }

    /**
     * The window path from a certain boundary at {@code from}: appends the segments of
     * {@code s[from, to)} and returns {@code to}. It stops early in two cases, keeping only the
     * segments up to the last certain boundary it wrote:
     * <ul>
     * <li>before a code point {@link Window} does not cover: it returns that boundary
     *     complemented ({@code ~b}), or {@code ~from} if there is none;
     * <li>after {@code maxRun} units, which bounds the room it reserves: it returns the
     *     boundary, to go on from there ({@code ~from} if there is none, as above).
     * </ul>
     *
     * <p>Per code unit: one table load, a shift into the window of four codes, one load of
     * {@link Window#BOUNDARY}, and the current segment written out whether or not it ends there,
     * the count moving on only if it does, so a boundary costs no mispredicted branch. Nothing
     * else is in the loop but the tests for an Extend and for a unit the path does not cover
     * (where the last certain boundary is, only a stop needs to know), and it is one loop:
     * written in blocks with a capacity check between them, it ran 15-20% slower.
     */
    static int window(String s, int from, int to, byte[] codes, Segments out, int maxRun) {
        if (from >= to) {
            return to;
        }
        int first = codes[s.charAt(from)];
        if (first < 0 || (first & 15) == Window.IGNORED_CODE) {
            return ~from; // WB4 does not ignore an Extend or Format at the start
        }
        int last = to - 1;
        int limit = (int) Math.min(last, (long) from + maxRun);
        out.reserve(limit - from + 2);
        int[] ends = out.ends;
        byte[] segmentKinds = out.kinds;
        byte[] boundary = Window.BOUNDARY;
        byte[] kindOf = KIND_OF;
        // w holds the codes of the last four units WB4 does not ignore, four bits each; when the
        // newest (at q) arrives, the boundary before the one at `at` is decided (never one at
        // from: the code before it is NONE).
        int w = Window.NONE << 8 | Window.NONE << 4 | first & 15;
        int at = from;
        int kindsAt = 1 << (first >>> 4); // the kinds of the unit at `at` and what WB4 attached to it
        int kinds = 0; // the kinds of the open segment, up to `at`
        int start = out.size;
        int n = start;
        for (int q = from + 1; q <= limit; q++) {
            int v = codes[s.charAt(q)];
            if (v < 0) {
                return ~backOff(s, codes, out, start, n, from);
            }
            int code = v & 15;
            if (code == Window.IGNORED_CODE) {
                if (!Window.ABSORBS[w & 15]) {
                    return ~backOff(s, codes, out, start, n, from);
                }
                kindsAt |= 1 << (v >>> 4); // WB4: part of the unit before it
                continue;
            }
            w = (w << 4 | code) & 0xFFFF;
            int b = boundary[w];
            ends[n] = at;
            segmentKinds[n] = kindOf[kinds];
            n += b;
            kinds = kinds & (b - 1) | kindsAt;
            kindsAt = 1 << (v >>> 4);
            at = q;
        }
        if (limit < last) {
            int certain = backOff(s, codes, out, start, n, from);
            return certain == from ? ~from : certain;
        }
        // The last unit WB4 does not ignore, with the end of the text after it.
        w = (w << 4 | Window.NONE) & 0xFFFF;
        int b = boundary[w];
        ends[n] = at;
        segmentKinds[n] = kindOf[kinds];
        n += b;
        kinds = kinds & (b - 1) | kindsAt;
        ends[n] = to;
        segmentKinds[n] = kindOf[kinds];
        out.size = n + 1;
        return to;
    }

    /**
     * Units the window path takes in one call, at first and at most: it reserves room for a
     * segment per unit (5 bytes). Each call that runs its maximum doubles the next one's; a stop
     * before a code point it does not cover starts again from the first. (Reserving the most at
     * once made French in NFD, with a combining mark every nine units, 25% slower than the
     * automaton alone: the buffer grew far past its need.)
     */
    private static final int FIRST_RUN = 1 << 10;
    private static final int MAX_RUN = 1 << 16;

    /**
     * Where the window path stops: the last of the boundaries it wrote (segments {@code start}
     * to {@code n} of {@code out}) that is certain, keeping the segments up to it; {@code from}
     * and none of them if there is none.
     */
    private static int backOff(String s, byte[] codes, Segments out, int start, int n, int from) {
        for (int k = n - 1; k >= start; k--) {
            int at = out.ends[k];
            if (Window.CERTAIN[(codes[s.charAt(at - 1)] & 15) << 4 | codes[s.charAt(at)] & 15]) { // an Extend on the left is not certain
                out.size = k + 1;
                return at;
            }
        }
        out.size = start;
        return from;
    }

    /**
     * What the window path needs: a four-bit code per Word_Break value (and {@link #NONE} past
     * either end of the text), and per window of four codes whether the boundary between the
     * middle two is one ({@link #BOUNDARY}).
     *
     * <p>The path covers every Word_Break value but ZWJ (WB3c joins it to a pictograph after
     * it), Regional_Indicator (whose boundaries depend on the parity of the whole run),
     * Hebrew_Letter (the only value WB7a-c join to quotes, so that Single_Quote and Double_Quote
     * act as MidNumLet and Other without it) and code points the table does not cover. Without
     * those, WB3-WB13b decide the boundary between two code points from them, the one before and
     * the one after, where WB4 drops Extend and Format: WB7 and WB11 look one back past the left
     * side, WB6 and WB12 one ahead past the right side, and nothing further. So the window
     * holds the last four code points WB4 does not drop, and an Extend or Format joins the code
     * point before it without entering the window; the path stops at one that follows a newline
     * or the start (WB4 does not apply there) or a space (WB3d joins only adjacent spaces, and
     * the window would make the spaces on either side adjacent). Extended_Pictographic acts as
     * Other: only WB3c tells them apart. The boundary table is filled by running
     * {@link Machine} itself on each window, so the two paths cannot disagree.
     */
    static final class Window {
        /** The code past either end of the text. */
        static final int NONE = 15;
        /** 1 where the boundary between the middle two is one, else 0. */
        static final byte[] BOUNDARY = new byte[1 << 16];
        /**
         * By the codes of two units, whether a boundary between them is one whatever surrounds
         * them (see {@link #certainBoundaryAfter}): a window path that stops may resume there.
         */
        static final boolean[] CERTAIN = new boolean[1 << 8];
        /** The code of Extend and Format, which never enter the window (WB4). */
        static final int IGNORED_CODE = 14;
        /** The Word_Break value of each code in windows (0 to 13); Extended_Pictographic is Other without a ZWJ. */
        private static final int[] VALUE = {OTHER, CR, LF, NEWLINE, KATAKANA, ALETTER, SINGLE_QUOTE, DOUBLE_QUOTE,
            MID_NUM_LET, MID_LETTER, MID_NUM, NUMERIC, EXTEND_NUM_LET, WSEG_SPACE};
        /** The code of each table value (0 to 31), -1 where the window path does not go. */
        static final byte[] CODE = new byte[32];
        /**
         * By the code of the last unit WB4 does not ignore, whether an Extend or Format after it
         * is ignored in the window: not after a newline (WB3a, WB4), nor after a space, where
         * WB3d would join a space after it to the one before if the window dropped it.
         */
        static final boolean[] ABSORBS = new boolean[16];

        static {
            java.util.Arrays.fill(CODE, (byte) -1);
            for (int c = 0; c < VALUE.length; c++) {
                CODE[VALUE[c]] = (byte) c;
            }
            CODE[OTHER_PICTO] = (byte) CODE[OTHER];
            CODE[EXTEND] = CODE[FORMAT] = IGNORED_CODE;
            for (int w = 0; w < BOUNDARY.length; w++) {
                int a = w >>> 12;
                int b = w >>> 8 & 15;
                int c = w >>> 4 & 15;
                int d = w & 15;
                if (b >= VALUE.length || c >= VALUE.length || a == IGNORED_CODE || d == IGNORED_CODE) {
                    continue; // an end of the text, or a code no window holds: not a boundary the path writes
                }
                BOUNDARY[w] = (byte) (breaks(a, b, c, d) ? 1 : 0);
            }
            for (int b = 0; b < VALUE.length; b++) {
                for (int c = 0; c < VALUE.length; c++) {
                    CERTAIN[b << 4 | c] = is(SAFE_LEFT, VALUE[b]) && !(VALUE[b] == WSEG_SPACE && VALUE[c] == WSEG_SPACE);
                }
                ABSORBS[b] = !is(NEWLINES, VALUE[b]) && VALUE[b] != WSEG_SPACE;
            }
        }

        /** Whether the machine, run on the window as a whole text, puts a boundary between b and c. */
        private static boolean breaks(int a, int b, int c, int d) {
            int state = Machine.START;
            if (a != NONE) {
                state = Machine.STEPS[state << 5 | VALUE[a]] >>> Machine.ACTION_BITS;
            }
            state = Machine.STEPS[state << 5 | VALUE[b]] >>> Machine.ACTION_BITS;
            int e = Machine.STEPS[state << 5 | VALUE[c]];
            int action = e & Machine.ACTION_MASK;
            if (action == Machine.JOIN || action == Machine.BROKE_THEN_JOIN) {
                return false;
            }
            if (action != Machine.DEFER) {
                return true;
            }
            state = e >>> Machine.ACTION_BITS;
            if (d == NONE) {
                return Machine.DEFERRED[state]; // at the end of the text a deferred boundary is one
            }
            int settle = Machine.STEPS[state << 5 | VALUE[d]] & Machine.ACTION_MASK;
            return settle == Machine.BROKE_THEN_JOIN || settle == Machine.BROKE_THEN_BREAK;
        }

        /**
         * The window path's byte for each code unit of the BMP, from the word table: the code
         * (bits 0-3) and the token kind (bits 4-6), or -1 where the path does not go (and for
         * every surrogate).
         */
        static byte[] codes(byte[] table) {
            byte[] codes = new byte[0x10000];
            for (int c = 0; c < codes.length; c++) {
                int v = table[c] & 0xFF;
                int code = CODE[v & 31];
                codes[c] = (byte) (code < 0 || Character.isSurrogate((char) c) ? -1 : code | (v >>> 5) << 4);
            }
            return codes;
        }

        private Window() {
        }
    }

    /**
     * Word segments in order, each as its end offset and kind code; each starts where the one
     * before it ends (the first at {@link #from}). Grows as needed.
     */
    public static final class Segments implements Sink {
        final int from;
        int[] ends;
        byte[] kinds;
        int size;

        /** For the segments of a text that starts at {@code from}, about {@code length} units long. */
        public Segments(int from, int length) {
            this.from = from;
            int capacity = Math.max(16, length / 4 + 16); // a segment per 2.3 units in English, per 4 in French
            ends = new int[capacity];
            kinds = new byte[capacity];
        }

        /** Room for {@code more} segments. */
        void reserve(int more) {
            if (more > kinds.length - size) {
                long want = Math.max((long) size + more, 2L * kinds.length);
                int capacity = (int) Math.min(want, Integer.MAX_VALUE - 8);
                ends = java.util.Arrays.copyOf(ends, capacity);
                kinds = java.util.Arrays.copyOf(kinds, capacity);
            }
        }

        @Override
        public void segment(int start, int end, int kind) {
            reserve(1);
            ends[size] = end;
            kinds[size++] = (byte) kind;
        }

        public int size() {
            return size;
        }

        public int from() {
            return from;
        }

        public int end(int i) {
            return ends[i];
        }

        /** Its kind code (a {@code TokenKind} ordinal). */
        public int kind(int i) {
            return kinds[i];
        }

        /** The end offsets, {@link #size} of them, in an array that may be longer. */
        public int[] ends() {
            return ends;
        }

        /** The kind codes, {@link #size} of them, in an array that may be longer. */
        public byte[] kinds() {
            return kinds;
        }

        /** Gives each segment to {@code sink}, in order. */
        public void replay(Sink sink) {
            int start = from;
            for (int i = 0; i < size; i++) {
                sink.segment(start, ends[i], kinds[i]);
                start = ends[i];
            }
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
    private static long run(String s, int from, int to, byte[] table, Segments sink) {
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
    static int certainBoundaryAfter(String s, int at, int to, byte[] table) {
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
