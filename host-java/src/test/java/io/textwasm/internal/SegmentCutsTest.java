package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.Granularity;
import io.textwasm.TextEngine;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import io.textwasm.testkit.RandomTextGenerator;
import io.textwasm.testkit.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cut rule's claim, checked against the engine itself: cutting at a position {@link
 * SegmentCuts} allows and segmenting both sides apart gives the whole text's grapheme and word
 * boundaries. The random text puts spaces before everything the rule must refuse or accept
 * (combining marks, ZWJ, emoji, regional indicators, letters, digits, punctuation, CR, LF).
 */
class SegmentCutsTest {
    static final TextEngine ENGINE = Engines.aot();

    /** Random pieces, each often preceded by one or more spaces. */
    static String text(RandomTextGenerator gen, Random r) {
        StringBuilder b = new StringBuilder();
        String[] ascii = {"a", "Z", "7", ".", ",", "'", "\"", ":", "_", "-", "\r\n", "\n", "\r", "\t", "#", "(", "x.y", "3.5"};
        int pieces = 2 + r.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            int spaces = r.nextInt(4);
            b.append(" ".repeat(spaces));
            switch (r.nextInt(4)) {
                case 0: b.append(ascii[r.nextInt(ascii.length)]); break;
                case 1: b.append(gen.segmentationString()); break;
                case 2: b.append(gen.prose()); break;
                default: b.append(gen.normalizationString());
            }
        }
        return b.toString();
    }

    static int[] shifted(int[] bounds, int by) {
        return Arrays.stream(bounds).map(x -> x + by).toArray();
    }

    /** Boundaries of s[0, p) and s[p, n) put together (p counted once). */
    static int[] apart(String s, int p, Granularity g) {
        int[] left = ENGINE.segment(s.substring(0, p), g);
        int[] right = shifted(ENGINE.segment(s.substring(p), g), p);
        return IntStream.concat(Arrays.stream(left), Arrays.stream(right).skip(1)).toArray();
    }

    @Test
    @DisplayName("segmenting both sides of any allowed cut apart gives the whole text's boundaries")
    void cutsAreCertainBoundaries() {
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("SegmentCutsTest"));
        Random r = gen.random();
        int cuts = 0;
        for (int i = 0; i < 3_000; i++) {
            String s = text(gen, r);
            byte[] utf8 = Utf8.encode(s);
            int[] graphemes = ENGINE.segment(s, Granularity.GRAPHEME);
            int[] words = ENGINE.segment(s, Granularity.WORD);
            int bytes = 0; // UTF-8 length of s[0, p)
            for (int p = 1; p < s.length(); p++) {
                if (Character.isHighSurrogate(s.charAt(p - 1)) && Character.isLowSurrogate(s.charAt(p))) {
                    continue; // inside a pair: its four bytes are counted after the low surrogate
                }
                boolean pair = p >= 2 && Character.isLowSurrogate(s.charAt(p - 1)) && Character.isHighSurrogate(s.charAt(p - 2));
                bytes += pair ? 4 : Utf8.encode(s, p - 1, p).length;
                boolean cut = SegmentCuts.isCut(s, p);
                int at = p;
                assertEquals(cut, SegmentCuts.isCut(utf8, bytes, utf8.length), () -> "the UTF-8 rule disagrees at " + at + " in " + Cps.escape(s));
                if (!cut) {
                    continue;
                }
                cuts++;
                assertArrayEquals(graphemes, apart(s, p, Granularity.GRAPHEME), () -> "graphemes: " + Cps.escape(s) + " cut at " + at + Seeds.hint());
                assertArrayEquals(words, apart(s, p, Granularity.WORD), () -> "words: " + Cps.escape(s) + " cut at " + at + Seeds.hint());
            }
        }
        assertTrue(cuts > 10_000, "too few cuts exercised: " + cuts);
    }

    @Test
    @DisplayName("the last cut, a line feed first; none after a space before a mark, a ZWJ, a space or non-ASCII")
    void whereCutsAre() {
        assertEquals(3, SegmentCuts.last("ab\ncd", 0, 5));
        assertEquals(6, SegmentCuts.last("ab cd ef", 0, 8)); // the later of two spaces
        assertEquals(3, SegmentCuts.last("ab\ncd ef", 0, 8)); // a line feed first
        assertEquals(-1, SegmentCuts.last("ab \u0301c", 0, 5)); // a combining mark after the space
        assertEquals(-1, SegmentCuts.last("ab \u200Dc", 0, 5)); // a ZWJ
        assertEquals(-1, SegmentCuts.last("ab  ", 0, 4)); // spaces only
        assertEquals(-1, SegmentCuts.last("ab \u00E9", 0, 4)); // not ASCII
        assertEquals(4, SegmentCuts.last("a   b", 0, 5)); // after the last of the spaces
        assertEquals(-1, SegmentCuts.last("ab cd", 0, 3)); // the character after the space is outside
        byte[] b = "ab cd\u00E9 \u0301e".getBytes(StandardCharsets.UTF_8);
        assertEquals(3, SegmentCuts.last(b, 0, b.length));
        assertEquals(-1, SegmentCuts.last(b, 3, b.length));
    }
}
