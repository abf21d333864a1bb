package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.textwasm.Backend;
import io.textwasm.TextEngine;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.RandomTextGenerator;
import io.textwasm.testkit.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Both sides of the host's word-count path: what the automaton settles without the core, what it
 * hands over and where the pieces start and end, and that the host's count is the core's count
 * of the whole text. ICU comparisons are in SegmentationConformanceTest.
 */
class WordCounterTest {
    static InstancePool pool;
    static WordCounter counter;
    static TextEngine engine;

    @BeforeAll
    static void load() {
        pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 65536, 256);
        counter = new WordCounter(new HostTables(pool));
        engine = TextEngine.create();
    }

    @AfterAll
    static void close() {
        pool.close();
        engine.close();
    }

    /** The core's count of the whole text, through the byte API (which never takes the host path). */
    static int coreCount(String s) {
        return (int) engine.count(s.getBytes(StandardCharsets.UTF_8), "words", true);
    }

    static void check(String s, String... wantPieces) {
        List<String> pieces = new ArrayList<>();
        int got = counter.count(s, (from, to) -> {
            pieces.add(s.substring(from, to));
            return coreCount(s.substring(from, to));
        });
        assertEquals(coreCount(s), got, Cps.escape(s));
        assertEquals(List.of(wantPieces), pieces, Cps.escape(s));
        assertEquals(got, engine.countWords(s), Cps.escape(s));
    }

    @Test
    @DisplayName("prose in the modelled classes is counted without the core")
    void settledByTheHost() {
        check("");
        check("Don't stop: 3.14, 1,000 and a.b:c! foo_bar __ _x");
        check("Événement d’école, cœur préféré.\r\n  e\u0301te\u0301");
        check("日本語のテキスト、カタカナ_カナ。ﾌﾟﾛｸﾞﾗﾑ 한국어 문장");
        check("a 🇫🇷🇯🇵 b go👩\u200D💻 now 👍🏽, ❤\uFE0F!"); // emoji, flags, ZWJ sequences and skin tones
        check("日本\u200D😀 ｶ\uFF9E\u200D👨 b"); // ZWJ sequences joined to counted segments (WB3c)
    }

    @Test
    @DisplayName("what the automaton does not model goes to the core, from the last certain boundary to two 'other' code points")
    void handedToTheCore() {
        check("hello שלום world", " שלום "); // Hebrew letters: from the boundary before them to the next word
        check("ab\uD800cd e", "ab\uD800cd "); // an unpaired surrogate inside a word
        check("x 𠀋y z", " 𠀋y "); // beyond the table (the BMP and U+1F000..U+1FFFF)
        check("x \u24C2\u200D😀 z", " \u24C2\u200D😀 "); // a pictograph that counts (WB3c could merge two counted segments)
        check("、。\u05D0 b", "。\u05D0 "); // after an ideographic comma and full stop (counted or not, both "other")
        check(" \uFF9Fa b", " \uFF9Fa "); // a mark that counts, after a space: the core decides what it joins
        check("ｶ\uFF9E\u200D👨\uFF9F b", "ｶ\uFF9E\u200D👨\uFF9F "); // ... after a pictograph WB3c joined: from the segment's start
    }

    @Test
    @DisplayName("random text: the host's count is the core's count of the whole text")
    void randomTextAgreesWithTheCore() {
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("WordCounterTest"));
        for (int i = 0; i < 20_000; i++) {
            String s = i % 2 == 0 ? gen.segmentationString() : gen.normalizationString();
            assertEquals(coreCount(s), engine.countWords(s), Cps.escape(s) + Seeds.hint());
        }
    }
}
