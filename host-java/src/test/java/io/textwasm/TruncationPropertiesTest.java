package io.textwasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.testkit.Batches;
import io.textwasm.testkit.Boundaries;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import io.textwasm.testkit.RandomTextGenerator;
import io.textwasm.testkit.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link TextEngine#truncate} on random text, in every unit, with and without an ellipsis and
 * with and without atWordBoundary. For a text s, a budget N and an ellipsis e, the result r:
 * <ul>
 *   <li>is s itself, without ellipsis, when s fits N;
 *   <li>otherwise is p + e where p is a prefix of s that ends on a grapheme boundary of s
 *       (ICU4J's, with UAX #29 GB9c, see Boundaries), size(p) + size(e) fits N, and p is the
 *       longest such prefix: the next grapheme boundary would not fit;
 *   <li>with atWordBoundary, p is instead the last end of a word segment (a word-like token:
 *       letters, numbers, ideographs, kana) that is also a grapheme boundary, at or before that
 *       longest prefix, when one exists other than the start; word segments come from the
 *       engine's own tokenize, which WordBreakTest verifies.
 * </ul>
 * Plus: the cost depends on the budget, not the text, shown structurally (see
 * {@link #truncating64MiBNeedsOnlyAPrefixInTheModule()}).
 */
class TruncationPropertiesTest {
    static final int TEXTS = 4_000;
    static final String[] ELLIPSES = {"…", "...", " [more]", "👍🏽", "e\u0301"};

    /** Size of a Java string in a unit, as the engine measures it (unpaired surrogates count as U+FFFD). */
    static long size(String s, Truncation.Unit unit) {
        String clean = Cps.replaceUnpairedSurrogates(s);
        switch (unit) {
            case UTF8_BYTES: return clean.getBytes(StandardCharsets.UTF_8).length;
            case UTF16_UNITS: return s.length();
            case CODE_POINTS: return s.codePointCount(0, s.length());
            default: return Boundaries.icuGraphemesPerUax29(s).length - 1;
        }
    }

    static Truncation budget(Truncation.Unit unit, int n) {
        switch (unit) {
            case UTF8_BYTES: return Truncation.utf8Bytes(n);
            case UTF16_UNITS: return Truncation.utf16Units(n);
            case CODE_POINTS: return Truncation.codePoints(n);
            default: return Truncation.graphemes(n);
        }
    }

    @ParameterizedTest
    @EnumSource(Truncation.Unit.class)
    void propertiesHoldOnRandomText(Truncation.Unit unit) {
        TextEngine engine = Engines.aot();
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("TruncationPropertiesTest." + unit));
        Random r = gen.random();
        List<String> failures = new ArrayList<>();
        int cut = 0;
        int backedOff = 0;
        for (int i = 0; i < TEXTS && failures.size() < 10; i++) {
            String s = gen.mixedText(6);
            int[] graphemes = Boundaries.icuGraphemesPerUax29(s);
            long whole = size(s, unit);
            List<Integer> wordEnds = new ArrayList<>();
            for (Token t : engine.tokenize(s)) {
                if (t.isWordLike()) {
                    wordEnds.add(t.end());
                }
            }
            for (int k = 0; k < 4; k++) {
                String e = k % 2 == 0 ? "" : ELLIPSES[r.nextInt(ELLIPSES.length)];
                boolean atWord = k >= 2;
                long es = e.isEmpty() ? 0 : size(e, unit);
                int n = (int) Math.min(Integer.MAX_VALUE, es + r.nextInt((int) Math.max(1, whole + 3)));
                Truncation t = budget(unit, n).withEllipsis(e);
                if (atWord) {
                    t = t.atWordBoundary();
                }
                String got = engine.truncate(s, t);
                String why = check(s, t, got, graphemes, wordEnds, unit);
                if (why != null) {
                    failures.add(t + ": " + why + "\n  given:  " + Cps.escape(s) + "\n  result: " + Cps.escape(got)
                            + "\n  grapheme boundaries: " + Arrays.toString(graphemes) + ", word ends: " + wordEnds);
                }
                if (!got.equals(s)) {
                    cut++;
                    if (atWord && got.length() - e.length() < longestFit(s, graphemes, n - es, unit)) {
                        backedOff++;
                    }
                }
            }
        }
        Batches.assertNone(failures, Seeds.hint());
        // The generator must actually produce cuts and word back-offs, or the checks prove little.
        assertTrue(cut > TEXTS, "only " + cut + " truncations cut the text");
        assertTrue(backedOff > TEXTS / 20, "only " + backedOff + " truncations backed off to a word end");
    }

    /** Length (UTF-16) of the longest prefix of s ending on a grapheme boundary whose size fits {@code room}. */
    static int longestFit(String s, int[] graphemes, long room, Truncation.Unit unit) {
        int best = 0;
        for (int b : graphemes) {
            if (size(s.substring(0, b), unit) <= room) {
                best = b;
            } else {
                break;
            }
        }
        return best;
    }

    /** Null when every property holds, else the first that does not. */
    static String check(String s, Truncation t, String got, int[] graphemes, List<Integer> wordEnds, Truncation.Unit unit) {
        long n = t.limit();
        if (size(s, unit) <= n) {
            return got.equals(s) ? null : "the whole text fits, so it must come back unchanged and without ellipsis";
        }
        String e = t.ellipsis();
        if (!got.endsWith(e)) {
            return "the text was cut, so the result must end with the ellipsis";
        }
        String p = got.substring(0, got.length() - e.length());
        if (!s.startsWith(p)) {
            return "the result minus the ellipsis is not a prefix of the text";
        }
        long es = e.isEmpty() ? 0 : size(e, unit);
        if (size(p, unit) + es > n) {
            return "prefix (" + size(p, unit) + ") plus ellipsis (" + es + ") exceed the budget " + n;
        }
        if (unit != Truncation.Unit.GRAPHEMES && size(got, unit) > n) {
            return "the result is " + size(got, unit) + " " + unit + ", over the budget " + n;
        }
        if (Arrays.binarySearch(graphemes, p.length()) < 0) {
            return "the cut at " + p.length() + " splits a grapheme cluster";
        }
        int longest = longestFit(s, graphemes, n - es, unit);
        if (!t.isAtWordBoundary()) {
            return p.length() == longest ? null
                    : "the cut at " + p.length() + " is not the longest that fits: " + longest + " does";
        }
        int word = 0;
        for (int w : wordEnds) {
            // Only word ends that are grapheme boundaries: a word can end inside a cluster
            // (after a Prepend character such as U+0D4E), and a cut there would split it.
            if (w <= longest && Arrays.binarySearch(graphemes, w) >= 0) {
                word = Math.max(word, w);
            }
        }
        int want = word > 0 ? word : longest;
        return p.length() == want ? null
                : "atWordBoundary should cut at " + want + " (" + (word > 0 ? "the last word end" : "no word end fits: the longest prefix")
                        + " within " + longest + ") but cut at " + p.length();
    }

    @Test
    void examples() {
        TextEngine engine = Engines.aot();
        assertEquals("Hello", engine.truncate("Hello, world", Truncation.utf8Bytes(5)));
        assertEquals("Hello, world", engine.truncate("Hello, world", Truncation.utf8Bytes(12).withEllipsis("…")));
        assertEquals("Hello, w…", engine.truncate("Hello, world", Truncation.utf8Bytes(11).withEllipsis("…")));
        assertEquals("Hello…", engine.truncate("Hello, world", Truncation.utf8Bytes(11).withEllipsis("…").atWordBoundary()));
        // A family emoji is one cluster of 18 bytes, 8 UTF-16 units, 5 code points.
        String family = "👩‍👩‍👧";
        assertEquals("a", engine.truncate("a" + family, Truncation.utf8Bytes(18)));
        assertEquals("a" + family, engine.truncate("a" + family + "b", Truncation.utf16Units(9)));
        assertEquals("a", engine.truncate("a" + family + "b", Truncation.codePoints(5)));
        assertEquals("a" + family, engine.truncate("a" + family + "b", Truncation.graphemes(2)));
        assertEquals("🇫🇷", engine.truncate("🇫🇷🇩🇪", Truncation.codePoints(3)), "never half a flag");
        assertEquals("", engine.truncate("e\u0301\u0301x", Truncation.codePoints(2)), "the first cluster has 3 code points");
        assertEquals("e\u0301\u0301", engine.truncate("e\u0301\u0301x", Truncation.codePoints(3)));
        assertEquals("", engine.truncate("", Truncation.graphemes(0)));
        assertEquals("", engine.truncate("abc", Truncation.graphemes(0)));
        assertEquals("…", engine.truncate("abc", Truncation.graphemes(1).withEllipsis("…")));
        // No word end within the budget: the longest grapheme prefix, as without the option.
        assertEquals("Supercal…", engine.truncate("Supercalifragilistic", Truncation.codePoints(9).withEllipsis("…").atWordBoundary()));
    }

    @Test
    void anEllipsisLargerThanTheBudgetIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Engines.aot().truncate("a long enough text", Truncation.utf8Bytes(2).withEllipsis("…")));
        assertTrue(e.getMessage().contains("ellipsis"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Truncation.utf8Bytes(-1));
    }

    /**
     * The cost grows with the budget, not the text: proven without timing. An engine whose
     * instances may hold at most 4 MiB of linear memory cannot take a 64 MiB text in, so if
     * truncating one succeeds (with the same answer as a roomy engine gives for a 4 KiB
     * prefix), only a prefix went into the module.
     */
    @Test
    void truncating64MiBNeedsOnlyAPrefixInTheModule() {
        StringBuilder b = new StringBuilder(64 << 20);
        String unit = "Grüße aus Köln, 東京 und 👩‍👩‍👧! ";
        while (b.length() < (64 << 20)) {
            b.append(unit);
        }
        String huge = b.toString();
        try (TextEngine small = TextEngine.builder().maxMemoryMiB(4).maxInstances(1).build()) {
            assertThrows(LimitExceededException.class, () -> small.segment(huge, Granularity.GRAPHEME),
                    "a 4 MiB engine must not hold 64 MiB; otherwise this test proves nothing");
            String head = huge.substring(0, 4096);
            for (Truncation t : List.of(Truncation.utf8Bytes(280), Truncation.utf8Bytes(280).withEllipsis("…").atWordBoundary(),
                    Truncation.utf16Units(280), Truncation.codePoints(280), Truncation.graphemes(280).withEllipsis("…"))) {
                String got = small.truncate(huge, t);
                assertEquals(Engines.aot().truncate(head, t), got, t.toString());
            }
        }
    }
}
