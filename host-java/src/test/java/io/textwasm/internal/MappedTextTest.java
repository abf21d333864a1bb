package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.textwasm.Backend;
import io.textwasm.NormalizationForm;
import io.textwasm.NormalizationOptions;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Both sides of the host's piecewise normalization: mapped code points replaced in the host,
 * pieces sent to the core (and their kept answers reused), and the cases that leave the path.
 * Every result is compared with the core's normalization of the whole text through the byte API,
 * which never takes this path. The ICU differentials cover it on random text too.
 */
class MappedTextTest {
    static InstancePool pool;
    static StableText stable;
    static MappedText mapped;

    @BeforeAll
    static void load() {
        pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 65536, 256);
        // Tables of its own: shared ones may already know every piece, and this test must see
        // them learnt too.
        DerivedTables own = DerivedTables.unshared();
        stable = new StableText(pool, own);
        mapped = new MappedText(pool, stable, own);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    static int flags(NormalizationForm form, boolean fold) {
        return form.ordinal() | (fold ? 1 << 3 : 0);
    }

    /** The core's answer for the whole text (unpaired surrogates become U+FFFD on the way in). */
    static String core(String s, int flags) {
        byte[] in = Utf8.encode(s);
        byte[] out = pool.with(ci -> Calls.normalize(ci, in, 0, in.length, flags, null, 0));
        return new String(out != null ? out : in, StandardCharsets.UTF_8);
    }

    static String host(String s, NormalizationForm form, boolean fold) {
        int flags = flags(form, fold);
        NormalizationOptions o = fold ? NormalizationOptions.DEFAULT.withCaseFolding() : NormalizationOptions.DEFAULT;
        return mapped.normalize(s, stable.start(s, form, o, flags), flags);
    }

    static void check(String s) {
        for (NormalizationForm form : NormalizationForm.values()) {
            for (boolean fold : new boolean[] {false, true}) {
                // Three times: the first call learns the pieces (two passes), the second finds them
                // all known (one pass) and keeps the two-unit ones in the pair table, the third
                // takes those from it.
                String want = core(s, flags(form, fold));
                assertEquals(want, host(s, form, fold), form + (fold ? " folded " : " ") + Cps.escape(s));
                assertEquals(want, host(s, form, fold), form + (fold ? " folded, again " : " again ") + Cps.escape(s));
                assertEquals(want, host(s, form, fold), form + (fold ? " folded, from pairs " : " from pairs ") + Cps.escape(s));
                int flags = flags(form, fold);
                NormalizationOptions o = fold ? NormalizationOptions.DEFAULT.withCaseFolding() : NormalizationOptions.DEFAULT;
                Boolean quick = mapped.isNormalized(s, stable.start(s, form, o, flags), flags);
                assertEquals(want.equals(s), quick, "isNormalized " + form + (fold ? " folded " : " ") + Cps.escape(s));
                assertEquals(true, mapped.isNormalized(want, stable.start(want, form, o, flags), flags), "normalized " + Cps.escape(want));
            }
        }
    }

    @Test
    @DisplayName("mapped code points become their images in the host, next to stable text and to pieces")
    void mappedCodePoints() {
        check("ＵＴＦ－８ ﾌﾟﾛｸﾞﾗﾑ ｶﾀｶﾅ"); // full-width letters; half-width kana, with and without sound marks
        check("Ωhm \u2126 K\u212A Å\u212B"); // canonical singletons (Ohm, Kelvin, Angstrom signs)
        check("ABC Straße ΣΑΣ"); // capitals under case folding
        check("ﾌ"); // a mapped code point at the very end
        check("ﾌ\u3099"); // ... before a mark that combines with its image: a piece
        check("ｶ\u0301ｷ"); // ... before a mark that does not
    }

    @Test
    @DisplayName("pieces: marks, jamo, ignorables and unpaired surrogates, alone and next to each other")
    void pieces() {
        check("e\u0301te\u0301 cafe\u0301 a\u0323\u0302 \u0301start");
        check("\u1100\u1161\u11A8 ㅋㅋ ㅠㅠ 한\u11A8");
        check("a\u00AD\u200Db\uFE0F 👩\u200D💻");
        check("x\uD800y \uDC00 z\uD83D");
        check("\u0301\u0301"); // nothing settled before the first piece
        check("a\u0323\u0302 x\u0301 \u1E0D"); // normalized and not, in every form
        // Pieces whose images are longer than they are (U+0958 decomposes, and is excluded from
        // composition), many more than the output's spare room: the one-pass output grows.
        check("a" + "\u0958".repeat(40) + " \u0958b");
        check("\uFDFA".repeat(8)); // one code point whose NFKD is 18
        // A piece right after a run of stable text that the scan took whole, ending on a pair, on
        // a lone stable code point, or on two: the piece must start at the last code point's
        // first unit (a piece starting inside the pair would turn it into U+FFFD).
        check("ab😀\u0301 x😀😀ㅠㅠ y𝄞\u0301 ab\u0301 a\u0301 😀\u0301");
        check("한국어 문장입니다 ㅋㅋㅋ 좋습니다 ㅠㅠ 🙏🏽ㅠㅠ 끝");
    }

    @Test
    @DisplayName("Hangul in the host: jamo compose (L V, L V T, LV T pieces), syllables decompose, and what is next to them")
    void hangulPieces() {
        check("\u1100\u1161 \u1100\u1161\u11A8 \uAC00\u11A8 \u1112\u1175\u11C2 \uD788\u11C2"); // each range's ends
        check("\u1100\u1161\u11A8\u11A8 \u1100\u1161\u0301 \u1100\u1161\u11A8\u302E"); // longer pieces: the core's
        check("\u1113\u1161 \u1100\u1176 \u1100\u1161\u11C3 \u115F\u1160\u11A8 \u1160\u1161"); // archaic jamo, fillers
        check("\u1161\u11A8 \u11A8 \uAC01\u11A8 x\u1100\u1161"); // a vowel or T alone, LVT before T, at the end
        check("한국어 문장입니다 \uAC00\uD7A3\uAC01 힣\u0301 가\u302E각 ㅋ한"); // syllables under NFD and NFKD: their jamo
        check("\u3131\uBD56\u11AB"); // a mapped code point (U+3131, U+1100 under NFKD) starts the piece: the core's
        // Random jamo, syllables and their neighbours, against the core in every form.
        char[] alphabet = {0x1100, 0x1112, 0x1113, 0x115F, 0x1160, 0x1161, 0x1175, 0x1176, 0x11A7, 0x11A8, 0x11C2, 0x11C3,
            0xAC00, 0xAC01, 0xD788, 0xD7A3, 0x3131, ' ', 'a', 0x0301, 0x302E};
        SplittableRandom random = new SplittableRandom(Seeds.forTest("MappedTextTest.hangul"));
        for (int k = 0; k < 1_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                int kind = random.nextInt(5);
                b.append(kind == 0 ? alphabet[random.nextInt(alphabet.length)]
                        : kind == 1 ? (char) (0xAC00 + random.nextInt(11172)) // a syllable, any
                        : (char) (kind == 2 ? 0x1100 + random.nextInt(19) : kind == 3 ? 0x1161 + random.nextInt(21) : 0x11A8 + random.nextInt(27)));
            }
            check(b.toString());
        }
    }

    @Test
    @DisplayName("default ignorables under NFKC_Casefold: dropped before settled text, in a piece before a mark")
    void deletedCodePoints() {
        check("❤\uFE0F \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 \uD83D\uDC68\u200D\uD83D\uDC69"); // a run of them before a settled code point
        check("ab\u00AD"); // at the very end
        check("\u200B\u200Bx"); // at the very start
        check("e\u200D\u0301 e\uFE0F\u200D\u0301 \u1100\u200B\u1161"); // before what they would let combine: a piece
        check("A\u200BB \uFF21\u200D\uFF22"); // between mapped code points
        check("\u200D\u0301"); // before a mark, nothing before them
    }

    @Test
    @DisplayName("a piece's kept answer is reused, and equals the core's in a new context")
    void keptPiecesAreReused() {
        String first = "cafe\u0301";
        assertEquals(core(first, 0), host(first, NormalizationForm.NFC, false));
        // Same piece "e\u0301", different surroundings.
        check("Re\u0301sume\u0301 e\u0301");
    }

    @Test
    @DisplayName("two-unit pieces: composed, unchanged, mapped first, a surrogate, and longer images stay out of the pair table")
    void twoUnitPieces() {
        // e+acute composes (NFC) or stays (NFD); a+dot below+circumflex is three units; ﾌ+voiced
        // mark starts at a mapped code point; x+unpaired surrogate becomes x U+FFFD (two units,
        // not kept as a pair); U+0958 (one unit, two in every form) after a letter.
        check("e\u0301 e\u0301 a\u0323\u0302 ﾌ\u3099 x\uD800 a\u0958 \u00C5\u0301 A\u030A e\u0301");
    }

    @Test
    @DisplayName("the pair table keeps one entry per slot and answers only for its own two units")
    void pairTable() {
        MappedText.PieceCache cache = new MappedText.PieceCache();
        int e = 'e' << 16 | 0x301;
        assertEquals(0, cache.pair(e), "empty");
        cache.put("e\u0301", "\u00E9");
        long found = cache.find("e\u0301", 0, 2);
        cache.putPair(e, found);
        assertEquals('\u00E9', MappedText.PieceCache.pairImage(cache.pair(e)));
        assertEquals(false, MappedText.PieceCache.pairUnchanged(cache.pair(e)));
        // Another key in the same slot replaces it, and the first then misses.
        int other = e + (1 << 16);
        while (MappedText.PieceCache.pairSlot(other) != MappedText.PieceCache.pairSlot(e)) {
            other += 1 << 16;
        }
        String piece = new String(new char[] {(char) (other >>> 16), '\u0301'});
        cache.put(piece, "x");
        cache.putPair(other, cache.find(piece, 0, 2));
        assertEquals('x', MappedText.PieceCache.pairImage(cache.pair(other)));
        assertEquals(0, cache.pair(e), "replaced");
        // An unchanged piece; an image of two units is not kept.
        cache.put("a\u0301", "a\u0301");
        cache.putPair('a' << 16 | 0x301, cache.find("a\u0301", 0, 2));
        assertEquals(true, MappedText.PieceCache.pairUnchanged(cache.pair('a' << 16 | 0x301)));
        cache.put("b\u0958", "b\u0915\u093C");
        cache.putPair('b' << 16 | 0x958, cache.find("b\u0958", 0, 2));
        assertEquals(0, cache.pair('b' << 16 | 0x958));
    }

    @Test
    @DisplayName("the path steps aside: cross-code-point options, and U+E000 inside a piece")
    void leavesThePath() {
        int collapse = flags(NormalizationForm.NFC, false) | 1 << 4;
        assertNull(mapped.normalize("a  b", 0, collapse));
        assertNull(mapped.normalize("\uE000\u0301", 0, flags(NormalizationForm.NFC, false)));
        String s = "x\uE000y";
        assertSame(s, mapped.normalize(s, 0, flags(NormalizationForm.NFC, false)), "U+E000 alone is stable");
    }
}
