package io.textwasm.internal;

import java.util.function.IntBinaryOperator;

/**
 * Word count over a String with the core's own word-count automaton (HOST_TABLES: a class for
 * each code point of the BMP and of the emoji window U+1F000..U+1FFFF, and the step table; see
 * {@code segment/word_count.rs} in the core), so the text is neither encoded nor copied in where
 * the automaton can decide.
 *
 * <p>The automaton marks each position where a segment certainly starts. Where it meets a code
 * point it does not model (outside the table, a Hebrew letter, an unpaired surrogate, a counted
 * mark after a space) the core counts the piece from the last mark to the next position where a
 * code point of class "other" (Word_Break Other, CR, LF, Newline, WSegSpace or Double_Quote, but
 * not a pictograph or regional indicator) is followed by one the automaton models and WB4 does
 * not ignore, and the automaton resumes there with nothing pending. That cut is exact for counting: the core
 * starts the piece on a boundary; the only rules that join an "other" code point to a modelled
 * one that follows are CR LF and WSegSpace WSegSpace (WB3c and WB15/WB16 need a ZWJ or a regional
 * indicator before), and neither side of those counts as a word;
 * and the rules that look two code points back (WB7, WB7c, WB11) need a letter, a digit or a
 * Hebrew letter there, never an "other".
 */
public final class WordCounter {
    // The core's encoding (segment/word_count.rs).
    private static final int X = 0;
    private static final int OTHER = 1;
    private static final int COUNTED_OTHER = 2;
    private static final int EXTEND = 9;
    private static final int COUNTED_EXTEND = 11;
    private static final int CLASSES_SHIFT = 4; // 16 classes per state
    private static final int COUNT = 8;
    private static final int MARK = 16;
    private static final int EXIT = 255;

    private final HostTables tables;

    public WordCounter(HostTables tables) {
        this.tables = tables;
    }

    /**
     * Word segments of {@code s} that count as words; {@code core} counts them in {@code s[from, to)}.
     *
     * <p>As in {@link WordSegments#segment}, the window path ({@link #window}) takes the text
     * whose boundaries depend only on their neighbours, and the automaton the stretches it does
     * not cover, each from a boundary that is certain whatever surrounds it.
     */
    public int count(String s, IntBinaryOperator core) {
        byte[] codes = tables.windowCodes();
        int len = s.length();
        int n = 0;
        int i = 0;
        while (i < len) {
            long r = window(s, i, len, codes);
            int reached = (int) (r >>> 32);
            n += (int) r;
            if (reached == len) {
                return n;
            }
            int hop = reached - i >= WordSegments.WINDOW_RUN ? WordSegments.SHORT_HOP : WordSegments.LONG_HOP;
            int end = (long) reached + hop >= len - 1 ? len
                    : WordSegments.certainBoundaryAfter(s, reached + hop, len, tables.wordTable());
            n += automaton(s, reached, end, core);
            i = end;
        }
        return n;
    }

    /** The kinds (bits of the word table's kind codes) that make a segment count: letter, number, ideograph, kana. */
    private static final int COUNTED_KINDS = 0b11110;

    /**
     * The window path of {@link WordSegments#window}, counting: from a certain boundary at
     * {@code from}, the words of {@code s[from, to)} and {@code to}, or where it stops (before a
     * code point it does not cover), the words up to the last certain boundary before that and
     * that boundary ({@code from} and none if there is none). Packed: position << 32 | count.
     *
     * <p>Per code unit, what the segmenter's loop does without writing anything: a segment that
     * closes adds one if its kinds count. A stop finds its boundary by stepping back, and counts
     * the text up to it again: it is exact there, since what follows a certain boundary changes
     * no boundary before it. So text that stops pays for its window run twice, once per stop.
     */
    static long window(String s, int from, int to, byte[] codes) {
        if (from >= to) {
            return (long) to << 32;
        }
        int first = codes[s.charAt(from)];
        if (first < 0 || (first & 15) == WordSegments.Window.IGNORED_CODE) {
            return (long) from << 32;
        }
        byte[] boundary = WordSegments.Window.BOUNDARY;
        int w = WordSegments.Window.NONE << 8 | WordSegments.Window.NONE << 4 | first & 15;
        int kindsAt = 1 << (first >>> 4);
        int kinds = 0;
        int n = 0;
        for (int q = from + 1; q < to; q++) {
            int v = codes[s.charAt(q)];
            int code = v & 15;
            if (v < 0 || code == WordSegments.Window.IGNORED_CODE && !WordSegments.Window.ABSORBS[w & 15]) {
                int certain = lastCertain(s, from, q, codes);
                return certain == from ? (long) from << 32 : window(s, from, certain, codes);
            }
            if (code == WordSegments.Window.IGNORED_CODE) {
                kindsAt |= 1 << (v >>> 4);
                continue;
            }
            w = (w << 4 | code) & 0xFFFF;
            int b = boundary[w];
            n += b & counts(kinds);
            kinds = kinds & (b - 1) | kindsAt;
            kindsAt = 1 << (v >>> 4);
        }
        // The last unit WB4 keeps, with the end of the text after it, then the segment the end closes.
        w = (w << 4 | WordSegments.Window.NONE) & 0xFFFF;
        int b = boundary[w];
        n += b & counts(kinds);
        kinds = kinds & (b - 1) | kindsAt;
        return (long) to << 32 | n + counts(kinds);
    }

    /** 1 if a segment with these kinds counts, else 0. */
    private static int counts(int kinds) {
        return (kinds & COUNTED_KINDS) + COUNTED_KINDS >>> 5;
    }

    /** The last position in (from, q) where a boundary is certain whatever surrounds it, or {@code from}. */
    private static int lastCertain(String s, int from, int q, byte[] codes) {
        for (int k = q - 1; k > from; k--) {
            if (WordSegments.Window.CERTAIN[(codes[s.charAt(k - 1)] & 15) << 4 | codes[s.charAt(k)] & 15]) {
                return k;
            }
        }
        return from;
    }

    /** Word segments that count in {@code s[from, to)}, a text of its own (both ends are certain boundaries), by the automaton. */
    int automaton(String s, int from, int len, IntBinaryOperator core) {
        byte[] classes = tables.classes();
        byte[] steps = tables.steps();
        int n = 0;
        int i = from;
        while (i < len) {
            int state = 0;
            int mark = i;
            int nAtMark = n;
            for (; i < len; i++) {
                char c = s.charAt(i);
                int k;
                int width = 1;
                if (!Character.isSurrogate(c)) {
                    k = classes[c] & 15;
                } else {
                    int at = HostTables.indexOfSurrogates(s, i, len);
                    k = at < 0 ? X : classes[at] & 15;
                    width = 2;
                }
                int e = steps[state << CLASSES_SHIFT | k] & 0xFF;
                if (e == EXIT) {
                    break;
                }
                if ((e & MARK) != 0) {
                    mark = i;
                    nAtMark = n;
                }
                n += e >>> 3 & 1;
                state = e & 7;
                i += width - 1;
            }
            if (i >= len) {
                return n;
            }
            int end = i + 1;
            while (end < len && !cut(s, classes, end)) {
                end++;
            }
            n = nAtMark + core.applyAsInt(mark, end);
            i = end;
        }
        return n;
    }

    /** Whether the core's piece may end at {@code i} (see the class comment). */
    private static boolean cut(String s, byte[] classes, int i) {
        char a = s.charAt(i - 1);
        char b = s.charAt(i);
        if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
            return false;
        }
        int before = classes[a] & 15;
        int after = classes[b] & 15;
        return (before == OTHER || before == COUNTED_OTHER) && after != X && after != EXTEND && after != COUNTED_EXTEND;
    }
}
