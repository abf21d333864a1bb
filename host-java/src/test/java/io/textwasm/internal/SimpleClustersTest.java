package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.textwasm.Backend;
import io.textwasm.Granularity;
import io.textwasm.TextEngine;
import io.textwasm.testkit.Cps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Both sides of the host's grapheme-count fast path: which text it settles itself (no call to
 * the core) and which it hands over, and that the count equals the core's boundaries either way.
 * The random differential against ICU4J is in SegmentationConformanceTest.
 */
class SimpleClustersTest {
    static InstancePool pool;
    static SimpleClusters clusters;
    static TextEngine engine;

    @BeforeAll
    static void load() {
        pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 65536, 256);
        clusters = new SimpleClusters(new HostTables(pool));
        engine = TextEngine.create();
    }

    @AfterAll
    static void close() {
        pool.close();
        engine.close();
    }

    /** Counts {@code s}, recording the pieces handed to the core. */
    static int count(String s, List<String> pieces) {
        return clusters.count(s, (from, to) -> {
            pieces.add(s.substring(from, to));
            return engine.segment(s.substring(from, to), Granularity.GRAPHEME).length - 1;
        });
    }

    static void check(String s, String... wantPieces) {
        List<String> pieces = new ArrayList<>();
        assertEquals(engine.segment(s, Granularity.GRAPHEME).length - 1, count(s, pieces), Cps.escape(s));
        assertEquals(List.of(wantPieces), pieces, Cps.escape(s));
        assertEquals(engine.segment(s, Granularity.GRAPHEME).length - 1, engine.countGraphemes(s), Cps.escape(s));
    }

    @Test
    @DisplayName("simple code points, and bases with marks, are counted without the core")
    void settledByTheHost() {
        check("");
        check("plain ASCII, with punctuation!\n");
        check("日本語のテキスト、ｶﾀｶﾅ。 한국어 문장");
        check("e\u0301te\u0301 n\u0303 ﾌﾟﾛｸﾞﾗﾑ a\u0903"); // combining and spacing marks after bases
        check("ok ✨\uFE0F"); // a variation selector is a mark
        check("1\uFE0F\u20E3"); // a keycap: a base and two marks
        check("a\u2764\u200D\u2615b"); // a ZWJ sequence (GB11)
        check("a🇫🇷🇯🇵🇩b 🇫\u0301🇫"); // flags: pairs of regional indicators; an odd one out; one with a mark
        check("a 👍🏽 b ☝\uD83C\uDFFD"); // skin tones, after plane 1 and BMP emoji
        check("👨\u200D👩\u200D👧\u200D👦 🏃🏿\u200D♀\uFE0F\u200D➡\uFE0F 🏳\uFE0F\u200D🌈"); // family, direction, flag sequences
        check("a\u200Db 👍\u200D\u200D👍 👍\u0903\u200D👍"); // ZWJ that joins nothing: after a letter, twice, after a spacing mark
    }

    @Test
    @DisplayName("what the rules must decide goes to the core, in pieces between certain boundaries")
    void handedToTheCore() {
        check("ab\r\ncd", "b\r\n"); // CR LF (CR is not simple)
        check("x\u0915\u094D\u0937y", "\u0915\u094D\u0937"); // an Indic conjunct: a consonant is not a base
        // A piece runs from the last certain boundary before what needs the rules to the first after it.
        check("\u1100\u1161\u11A8", "\u1100\u1161\u11A8"); // Hangul jamo L V T
        check("\u0001\u0301xy", "\u0001\u0301x"); // a mark after a control is a cluster of its own (GB4)
        check("a\uD800b", "a\uD800b"); // an unpaired surrogate
        check("\uD840\uDC0B", "\uD840\uDC0B"); // beyond the table (the BMP and U+1F000..U+1FFFF)
        check("a 𝐀\u0301 b", " 𝐀\u0301 "); // plane 1 outside the emoji window
        check("\u0600x y", "\u0600x"); // Prepend joins what follows (GB9b)
    }

    @Test
    @DisplayName("pieces merge until enough simple clusters follow, then the core is called")
    void piecesMergeUntilTheFlushThreshold() {
        String zwj = "\u0915\u094D\u0937"; // an Indic conjunct: the core decides
        String gapShort = "a".repeat(SimpleClusters.FLUSH_AFTER - 1);
        String gapLong = "a".repeat(SimpleClusters.FLUSH_AFTER);
        // The piece starts at the conjunct's first consonant; fewer than FLUSH_AFTER simple clusters in between keep one piece.
        check(zwj + gapShort + zwj + "a", zwj + gapShort + zwj);
        check(zwj + gapLong + zwj, zwj, zwj);
        check(zwj + gapLong + "b" + zwj, zwj, zwj);
        // After each flush the count goes on in the small loop, which must hand over again.
        check(zwj + gapLong + "e\u0301" + zwj + gapLong + "\r\n" + gapShort + "👍🏽" + zwj + gapLong,
                zwj, zwj + gapLong + "\r\n", zwj); // CR makes the chunk before it unknown
    }

    /** The core's cut for the same request (TextEngine's path when the host declines). */
    static int coreCut(String s, int unit, int limit, int reserve) {
        byte[] in = Utf8.encode(s);
        int[] cut = pool.with(ci -> Calls.truncate(ci, in, unit, limit, reserve));
        return cut[2] == 0 ? s.length() : cut[1];
    }

    @Test
    @DisplayName("truncation: the host cuts where the shortcuts delimit the clusters, and declines where they do not")
    void cutsWhereTheShortcutsDelimitClusters() {
        String[] texts = {"Grüße aus Köln, e\u0301te\u0301!", "日本語のテキスト ﾌﾟﾛｸﾞﾗﾑ", "한국어 문장입니다", "ab\r\ncd",
            "👍🏽 ok 🇫🇷🇯🇵🇩 👩\u200D💻!", "a\u2764\u200D\u2615b 🏳\uFE0F\u200D🌈"};
        for (String s : texts) {
            for (int unit = 0; unit <= 3; unit++) {
                for (int limit = 1; limit <= 3 * s.length(); limit++) {
                    for (int reserve : new int[] {0, 1}) {
                        long whole = unit == 0 ? Utf8.encode(s).length : unit == 1 ? s.length() : s.codePointCount(0, s.length());
                        if (reserve > limit || unit != SimpleClusters.GRAPHEMES && whole <= limit) {
                            continue; // the caller returns such a text whole before asking (see cut's contract)
                        }
                        int host = clusters.cut(s, unit, limit, limit - reserve);
                        if (host >= 0) {
                            assertEquals(coreCut(s, unit, limit, reserve), host, "unit " + unit + " limit " + limit + " reserve " + reserve + " " + Cps.escape(s));
                        }
                    }
                }
            }
        }
        // Decided by the host: simple text and emoji. Declined: a conjunct or jamo straddling the budget.
        assertEquals(3, clusters.cut("abcdef", SimpleClusters.UTF8_BYTES, 3, 3));
        assertEquals(1, clusters.cut("ae\u0301f", SimpleClusters.UTF8_BYTES, 3, 3), "a base and its mark stay together");
        assertEquals(1, clusters.cut("a\u2764\u200D\u2615b", SimpleClusters.UTF8_BYTES, 4, 4), "a ZWJ sequence stays together");
        assertEquals(-1, clusters.cut("a\u0915\u094D\u0937b", SimpleClusters.UTF8_BYTES, 4, 4));
        assertEquals(-1, clusters.cut("a\u1100\u1161\u11A8b", SimpleClusters.GRAPHEMES, 1, 1));
        assertEquals(6, clusters.cut("abcdef", SimpleClusters.GRAPHEMES, 6, 5), "fits whole: no cut, no ellipsis");
        assertEquals(5, clusters.cut("abcdefg", SimpleClusters.GRAPHEMES, 6, 5));
    }
}
