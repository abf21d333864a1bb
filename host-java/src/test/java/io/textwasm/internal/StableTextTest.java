package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.Backend;
import io.textwasm.NormalizationForm;
import io.textwasm.NormalizationOptions;
import io.textwasm.TextEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Both sides of the host's fast path: where it stops (the last stable code point before one that
 * may change), and that the engine's results across that cut are the whole text's results.
 */
class StableTextTest {
    static InstancePool pool;
    static StableText stable;
    static TextEngine engine;

    @BeforeAll
    static void load() {
        pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 65536, 256);
        stable = new StableText(pool);
        engine = TextEngine.create();
    }

    @AfterAll
    static void close() {
        pool.close();
        engine.close();
    }

    static int start(String s, NormalizationForm form) {
        return start(s, form, NormalizationOptions.DEFAULT);
    }

    static int start(String s, NormalizationForm form, NormalizationOptions o) {
        return stable.start(s, form, o, flags(form, o));
    }

    /** The ABI flags (ABI.md): the form in bits 0-2, the options in bits 3-5. */
    static int flags(NormalizationForm form, NormalizationOptions o) {
        return form.ordinal() | (o.caseFold() ? 1 << 3 : 0) | (o.collapseWhitespace() ? 1 << 4 : 0) | (o.stripControls() ? 1 << 5 : 0);
    }

    @Test
    @DisplayName("stable text in any script is recognised whole and returned as the same string")
    void stableTextIsSkippedWhole() {
        for (String s : new String[] {"日本語のテキスト、ｶﾀｶﾅ。", "한국어 문장입니다.", "family 👨‍👩‍👧 flag 🇫🇷 ok 👍🏽", "Ελληνικά"}) {
            assertEquals(s.length(), start(s, NormalizationForm.NFC), s);
            assertSame(s, engine.normalize(s, NormalizationForm.NFC), s);
            assertTrue(engine.isNormalized(s, NormalizationForm.NFC), s);
        }
    }

    @Test
    @DisplayName("the cut is at the last stable code point before the first that may change")
    void cutPositions() {
        // U+0301 composes with the 'e' before it, so the core must see the 'e'.
        String late = "日本語のテキスト e\u0301";
        assertEquals(late.indexOf('e'), start(late, NormalizationForm.NFC));
        assertEquals("日本語のテキスト \u00e9", engine.normalize(late, NormalizationForm.NFC));
        assertFalse(engine.isNormalized(late, NormalizationForm.NFC));
        // A change at the very start: nothing to skip.
        assertEquals(0, start("\u0301abc", NormalizationForm.NFC));
        // A surrogate pair is one stable code point; the cut lands on its first unit.
        assertEquals(2, start("ab😀\u0301", NormalizationForm.NFC));
        assertEquals("ab😀\u0301", engine.normalize("ab😀\u0301", NormalizationForm.NFC));
        // An unpaired surrogate stops the skip; the core turns it into U+FFFD.
        assertEquals(1, start("ab\uD800c", NormalizationForm.NFC));
        assertEquals("ab\uFFFDc", engine.normalize("ab\uD800c", NormalizationForm.NFC));
        // ... and so does a lone low surrogate, or a high one at the end, wherever it is: a code
        // unit is looked up in the set directly, and the set holds no surrogate.
        assertEquals(1, start("ab\uDC00c", NormalizationForm.NFC));
        assertEquals(0, start("\uDC00ab", NormalizationForm.NFC));
        assertEquals(1, start("a😀\uD83D", NormalizationForm.NFC));
        assertEquals("a😀\uFFFD", engine.normalize("a😀\uD83D", NormalizationForm.NFC));
        assertEquals("\uFFFDab", engine.normalize("\uDC00ab", NormalizationForm.NFC));
        // A pair whose high surrogate leads only stable code points is skipped on that unit alone;
        // otherwise the code point decides. U+1D100 is stable under NFC, U+1D15E (a musical note
        // with a canonical decomposition) is not, and both have the high surrogate U+D834.
        assertEquals(3, start("a\uD834\uDD00", NormalizationForm.NFC));
        assertEquals(0, start("a\uD834\uDD5E", NormalizationForm.NFC));
        // U+1F300 and U+1F100 share U+D83C: the first is stable under NFKC, the second ("0.") is not.
        assertEquals(3, start("x\uD83C\uDF00", NormalizationForm.NFKC));
        assertEquals(0, start("x\uD83C\uDD00", NormalizationForm.NFKC));
        assertEquals("x0.", engine.normalize("x\uD83C\uDD00", NormalizationForm.NFKC));
        assertEquals(3, start("x\uD83C\uDD00", NormalizationForm.NFC));
        // Beyond the set (plane 2) the core decides: U+2F800 is a compatibility ideograph.
        assertEquals(1, start("xy\uD87E\uDC00", NormalizationForm.NFC));
        assertEquals("xy\u4E3D", engine.normalize("xy\uD87E\uDC00", NormalizationForm.NFC));
        // The set depends on the form: a Hangul syllable is stable under NFC, not NFD.
        assertEquals(3, start("xy가", NormalizationForm.NFC));
        assertEquals(1, start("xy가", NormalizationForm.NFD));
        assertEquals("xy\u1100\u1161", engine.normalize("xy가", NormalizationForm.NFD));
        // ... and on the options: with case folding, 'D' may change.
        NormalizationOptions fold = NormalizationOptions.DEFAULT.withCaseFolding();
        assertEquals(4, start("abcD", NormalizationForm.NFC));
        assertEquals(2, start("abcD", NormalizationForm.NFC, fold));
        assertEquals("abcd", engine.normalize("abcD", NormalizationForm.NFC, fold));
    }

    @Test
    @DisplayName("the threshold scan finds the first unit at or above the limit at every offset")
    void prefixBelowEveryOffset() {
        for (int len = 0; len <= 20; len++) {
            String plain = "abcdefghijklmnopqrstuvwxyz".substring(0, len);
            assertEquals(len, StableText.prefixBelow(plain, (char) 0xA0));
            for (int at = 0; at < len; at++) {
                String s = plain.substring(0, at) + '\u00A0' + plain.substring(at + 1);
                assertEquals(at, StableText.prefixBelow(s, (char) 0xA0), s);
            }
        }
        // Eight units whose OR reaches the limit although none does (0x80 | 0x20 = 0xA0): the
        // wide test stops and the exact one must carry on past them.
        String orReaches = "\u0080      \u0020abcdefgh\u009F\u0080xyz\u00A1";
        assertEquals(orReaches.length() - 1, StableText.prefixBelow(orReaches, (char) 0xA0));
        assertEquals(orReaches.length(), StableText.prefixBelow(orReaches, (char) 0xA2));
        // NFKC changes U+00A0 and U+00B2 but no lower code point.
        String latin = "\u0080 prices \u009F";
        assertSame(latin, engine.normalize(latin, NormalizationForm.NFKC));
        assertEquals("x2 y", engine.normalize("x\u00B2\u00A0y", NormalizationForm.NFKC));
    }

    @Test
    @DisplayName("surrogates in the unit scan: pairing, high surrogates with and without a row, and the slow check")
    void surrogatesInTheUnitScan() {
        // A high surrogate followed by another high surrogate, by a BMP unit, or by nothing (the
        // cut is at the last stable code point before it).
        assertEquals(0, start("a\uD83D\uD83D\uDE00", NormalizationForm.NFC));
        assertEquals(2, start("x😀\uD83Dx", NormalizationForm.NFC) + 1);
        assertEquals(0, start("😀\uD83D", NormalizationForm.NFKC));
        // A low surrogate after a BMP unit or after a complete pair.
        assertEquals(2, start("😀x\uDE00", NormalizationForm.NFC));
        assertEquals(0, start("😀\uDE00", NormalizationForm.NFC));
        // Pairs whose high surrogate leads stable and unstable code points, many in a row, each
        // judged by its low surrogate: U+1F1E6 (a regional indicator) and U+1F3FB (a skin tone)
        // are stable under NFKC, U+1F100 ("0.") is not, and all three have U+D83C.
        String flags = "🇫🇷🇯🇵👍🏻".repeat(5);
        assertEquals(flags.length(), start(flags, NormalizationForm.NFKC));
        assertEquals(flags.length(), start(flags + "\uD83C\uDD00", NormalizationForm.NFKC) + 2);
        // Under NFC, U+D804 leads both (U+110BA KAITHI SIGN NUKTA combines; U+11003 BRAHMI SIGN
        // JIHVAMULIYA does not) and gets no row, so the slow check decides each pair.
        assertEquals(3, start("a\uD804\uDC03", NormalizationForm.NFC));
        assertEquals(6, start("a\uD804\uDC03\uD804\uDC03b", NormalizationForm.NFC));
        assertEquals(1, start("a\uD804\uDC03\uD804\uDCBA", NormalizationForm.NFC));
        // ... and the core, from the cut at U+11099, composes it with U+110BA into U+1109A.
        assertEquals(1, start("a\uD804\uDC99\uD804\uDCBA", NormalizationForm.NFC));
        assertEquals("a\uD804\uDC9A", engine.normalize("a\uD804\uDC99\uD804\uDCBA", NormalizationForm.NFC));
    }

    @Test
    @DisplayName("the unit scan agrees with a code point by code point reading of the set, wherever the first change falls")
    void unitScanAgreesWithTheSet() {
        // Pieces that stress the four-unit blocks: pairs that straddle a block, unpaired
        // surrogates, U+D83C pairs stable and not under NFKC, a pair left to the slow check (U+D804).
        String[] parts = {"a", " ", "😀", "\uD83C\uDDEB", "\uD83C\uDD00", "\u0301", "\uD800", "\uDC00", "\uD804\uDC03", "\uD804\uDCBA", "ｶ", "가"};
        java.util.Random random = new java.util.Random(20261127);
        for (int round = 0; round < 4000; round++) {
            // Mostly stable text, so that the first change falls at every offset.
            String text = mostlyStable(random, parts, 14, 4);
            for (NormalizationForm form : new NormalizationForm[] {NormalizationForm.NFC, NormalizationForm.NFKC, NormalizationForm.NFKC_CASEFOLD}) {
                assertEquals(expectedStart(text, stable.set(form.ordinal())), start(text, form), form + " " + io.textwasm.testkit.Cps.escape(text));
            }
        }
    }

    @Test
    @DisplayName("the byte table holds each form's set exactly, and a set it does not hold keeps the bitmap")
    void byteTableHoldsTheSets() {
        for (NormalizationForm form : NormalizationForm.values()) {
            int key = form.ordinal();
            long[] bits = stable.set(key);
            assertEquals(1 << key, stable.unitMask(key), form + ": the table's bit does not match the engine's set");
            // A set that differs from the table in one unit is not held.
            long[] other = bits.clone();
            other[0x4E00 >>> 6] ^= 1L << 0x4E00;
            assertEquals(0, StableText.BmpUnits.maskFor(key, other), form.toString());
        }
        // Keys with options have no bit: their scans use the bitmap.
        assertEquals(0, stable.unitMask(flags(NormalizationForm.NFC, NormalizationOptions.DEFAULT.withCaseFolding())));
        // Surrogates are never stable in the table.
        for (int c = Character.MIN_SURROGATE; c <= Character.MAX_SURROGATE; c++) {
            assertEquals(0x1F, StableText.BmpUnits.UNSTABLE[c] & 0x1F);
        }
    }

    @Test
    @DisplayName("NFC and NFKC scan pairs with the static final tables only when the engine's set is the one they were built from")
    void sharedPairTables() {
        assertEquals(StableText.Units.SHARED_NFC, stable.units(0).shared);
        assertEquals(StableText.Units.SHARED_NFKC, stable.units(2).shared);
        assertEquals(StableText.Units.SHARED_NONE, stable.units(4).shared);
        assertEquals(StableText.Units.SHARED_NONE, stable.units(flags(NormalizationForm.NFC, NormalizationOptions.DEFAULT.withCaseFolding())).shared);
        // A set that differs in one code point (U+1F600, in the emoji rows) gets a table of its own.
        long[] other = stable.set(0).clone();
        other[0x1F600 >>> 6] ^= 1L << 0x1F600;
        StableText.Units own = StableText.Units.of(0, other);
        assertEquals(StableText.Units.SHARED_NONE, own.shared);
        String grin = "a\uD83D\uDE00b";
        assertEquals(4, StableText.pairedEnd(grin, 1, stable.units(0), stable.set(0)));
        assertEquals(1, StableText.pairedEnd(grin, 1, own, other));
    }

    @Test
    @DisplayName("the byte table's scans stop where the bitmap's scan stops, from every offset")
    void byteScansAgreeWithTheBitmap() {
        // Stable units in every form, and units unstable in some: U+0301 (all), U+AC00 (NFD and
        // NFKD), U+FF76 (NFKC, NFKD, NFKC_Casefold), 'A' (NFKC_Casefold), surrogates (all).
        String[] parts = {"a", "日", "ア", " ", "\u0301", "\uAC00", "\uFF76", "A", "\uD83D", "\uDE00"};
        java.util.Random random = new java.util.Random(20261128);
        for (int round = 0; round < 3000; round++) {
            // Mostly stable, so that runs end at every place in and after a four-unit block.
            String text = mostlyStable(random, parts, 20, 5);
            for (NormalizationForm form : NormalizationForm.values()) {
                long[] bits = stable.set(form.ordinal());
                int mask = stable.unitMask(form.ordinal());
                for (int from = 0; from <= text.length(); from++) {
                    int expected = StableText.bitmapEnd(text, from, bits);
                    String where = form + " from " + from + " in " + io.textwasm.testkit.Cps.escape(text);
                    assertEquals(expected, StableText.unitEnd(text, from, mask), where);
                    assertEquals(expected, StableText.shortUnitEnd(text, from, mask), where);
                }
            }
        }
    }

    /**
     * Up to {@code maxLength - 1} pieces: one in {@code anyOneIn} drawn from all of {@code parts},
     * the others from its first four, which must be stable.
     */
    static String mostlyStable(java.util.Random random, String[] parts, int maxLength, int anyOneIn) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(maxLength);
        for (int k = 0; k < length; k++) {
            b.append(random.nextInt(anyOneIn) == 0 ? parts[random.nextInt(parts.length)] : parts[random.nextInt(4)]);
        }
        return b.toString();
    }

    /** What start() must return, read from the set one code point at a time. */
    static int expectedStart(String s, long[] bits) {
        int lastStable = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean stableHere = !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) && StableText.contains(bits, cp);
            if (!stableHere) {
                return Math.max(lastStable, 0);
            }
            lastStable = i;
            i += Character.charCount(cp);
        }
        return s.length();
    }

    @Test
    @DisplayName("with whitespace collapsing, the text after the cut still collapses and trims correctly")
    void collapsingAcrossTheCut() {
        NormalizationOptions collapse = NormalizationOptions.DEFAULT.withCollapsedWhitespace();
        assertEquals(1, start("日本 \u3000 語 ", NormalizationForm.NFKC, collapse));
        assertEquals("日本 語", engine.normalize("日本 \u3000 語 ", NormalizationForm.NFKC, collapse));
        assertEquals("日本", engine.normalize("日本\u3000", NormalizationForm.NFC, collapse));
    }
}
