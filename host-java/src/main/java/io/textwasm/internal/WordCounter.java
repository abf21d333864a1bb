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

    /** Word segments of {@code s} that count as words; {@code core} counts them in {@code s[from, to)}. */
    public int count(String s, IntBinaryOperator core) {
        byte[] classes = tables.classes();
        byte[] steps = tables.steps();
        int len = s.length();
        int n = 0;
        int i = 0;
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
