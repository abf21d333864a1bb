package io.textwasm.internal;

import io.textwasm.testkit.RandomTextGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Texts for the tests of the word segmenter's and word counter's window path (WordSegments.Window). */
final class WindowTexts {
    /** One code unit or more for each Word_Break value the window path covers (WordSegments.Window). */
    static final String[] UNITS = {
        "!", "\u4E2D", "\u3042", "\u2600", // Other (a CJK ideograph, Hiragana), Extended_Pictographic
        "\r", "\n", "\u000B", "\u2028", // CR, LF, Newline
        "\u30A2", "\uFF71", // Katakana
        "a", "Z", "\u00E9", "\uAC00", // ALetter
        "'", "\"", ".", "\u2019", ":", "\u00B7", ",", ";", // quotes, MidNumLet, MidLetter, MidNum
        "0", "\u0663", "_", " ", "\u3000", // Numeric, ExtendNumLet, WSegSpace
        "\u0301", "\u0308", "\u00AD", // Extend, Format
    };

    /** One unit per Word_Break value the window path covers, in WordSegments.Window's order: what every short text is made of. */
    static final String[] VALUES = {"!", "\r", "\n", "\u000B", "\u30A2", "a", "'", "\"", ".", ":", ",", "0", "_", " ", "\u2600",
        "\u0301", "\u00AD"}; // and Extend and Format, which the window path drops where WB4 does

    /** Every text of one to four of {@link #VALUES}. */
    static List<String> allShort() {
        List<String> texts = new ArrayList<>();
        int n = VALUES.length;
        for (int length = 1; length <= 4; length++) {
            int[] digits = new int[length];
            while (true) {
                StringBuilder sb = new StringBuilder();
                for (int d : digits) {
                    sb.append(VALUES[d]);
                }
                texts.add(sb.toString());
                int k = 0;
                while (k < length && ++digits[k] == n) {
                    digits[k++] = 0;
                }
                if (k == length) {
                    break;
                }
            }
        }
        return texts;
    }

    /** Up to {@code maxUnits} of {@link #UNITS} at random (at least one). */
    static String random(SplittableRandom random, int maxUnits) {
        StringBuilder sb = new StringBuilder();
        int length = 1 + random.nextInt(maxUnits);
        for (int j = 0; j < length; j++) {
            sb.append(UNITS[random.nextInt(UNITS.length)]);
        }
        return sb.toString();
    }

    /** Runs of window text (short to longer than the automaton's hops) between pieces of anything the generator makes. */
    static String mixed(SplittableRandom random, RandomTextGenerator gen) {
        StringBuilder sb = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int p = 0; p < pieces; p++) {
            int run = random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(5000);
            for (int j = 0; j < run; j++) {
                sb.append(UNITS[random.nextInt(UNITS.length)]);
            }
            sb.append(random.nextBoolean() ? gen.segmentationString() : gen.normalizationString());
        }
        return sb.toString();
    }

    private WindowTexts() {
    }
}
