package io.textwasm.internal;

/**
 * Where a text can be cut into pieces that are segmented, counted or tokenized one at a time with
 * the same result as the whole: positions that are a grapheme cluster boundary and a word
 * boundary whatever comes before or after them.
 *
 * <p>Two kinds of position qualify:
 * <ol>
 *   <li>just after a line feed: UAX #29 always breaks there (GB4, WB3a), and no rule looks back
 *       across it;
 *   <li>between a space (U+0020) and an ASCII character other than a space. No grapheme rule
 *       joins them: a space is not Prepend, Control or part of a conjunct or emoji sequence, and
 *       no ASCII character is Extend, ZWJ, SpacingMark, an InCB consonant, Extended_Pictographic
 *       or a regional indicator (GB9-GB13). No word rule joins them: WB3c needs a ZWJ on the left,
 *       WB3d a space on both sides, WB4 an Extend, Format or ZWJ on the right, and WB5-WB16 a
 *       letter, digit, Katakana, ExtendNumLet, Mid* or regional indicator on the left. The rules
 *       that look two code points back (WB7, WB7c, WB11) or count regional indicators need one of
 *       those on the left too, so text after the cut behaves as if it started there.
 * </ol>
 * The second kind lets a long line without a line feed (a minified file, a one-line dump) be
 * processed in bounded memory.
 */
public final class SegmentCuts {
    private SegmentCuts() {}

    /** Is {@code i} a cut in UTF-8 {@code b[0, len)} (0 < i < len, or i == len after a line feed)? */
    public static boolean isCut(byte[] b, int i, int len) {
        byte before = b[i - 1];
        // An ASCII byte is a whole character in UTF-8.
        return before == '\n' || before == ' ' && i < len && b[i] >= 0 && b[i] != ' ';
    }

    /** Is {@code i} a cut in {@code s} (0 < i < length, or i == length after a line feed)? */
    public static boolean isCut(String s, int i) {
        char before = s.charAt(i - 1);
        return before == '\n' || before == ' ' && i < s.length() && s.charAt(i) < 0x80 && s.charAt(i) != ' ';
    }

    /**
     * The last cut in UTF-8 {@code b[from, to)} that leaves something on each side, preferring a
     * line feed, or -1 when there is none.
     */
    public static int last(byte[] b, int from, int to) {
        int lf = afterLastLineFeed(b, from, to);
        if (lf > 0) {
            return lf;
        }
        for (int i = to - 1; i > from; i--) {
            if (isCut(b, i, to)) {
                return i;
            }
        }
        return -1;
    }

    /** The position just after the last line feed in {@code b[from, to)}, or -1 when there is none. */
    public static int afterLastLineFeed(byte[] b, int from, int to) {
        for (int i = to; i > from; i--) {
            if (b[i - 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** {@link #last(byte[], int, int)} for {@code s[from, to)}. */
    public static int last(String s, int from, int to) {
        int lf = s.lastIndexOf('\n', to - 1);
        if (lf >= from) {
            return lf + 1;
        }
        for (int i = to - 1; i > from; i--) {
            if (isCut(s, i)) {
                return i;
            }
        }
        return -1;
    }
}
