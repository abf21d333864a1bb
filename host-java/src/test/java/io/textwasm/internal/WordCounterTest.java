package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Both sides of the host's word-count path: what the automaton settles without the core, what it
 * hands over and where the pieces start and end, and that the host's count is the core's count
 * of the whole text. ICU comparisons are in SegmentationConformanceTest.
 */
class WordCounterTest {
    static InstancePool pool;
    static WordCounter counter;
    static HostTables tables;
    static TextEngine engine;

    @BeforeAll
    static void load() {
        pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 65536, 256);
        tables = new HostTables(pool);
        counter = new WordCounter(tables);
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

    @Test
    @DisplayName("the window path counts as the automaton does: every text of up to four Word_Break values, and random longer ones")
    void windowPathCountsAsTheAutomaton() {
        List<String> all = WindowTexts.allShort();
        int whole = 0;
        for (String s : all) {
            whole += checkWindow(s) ? 1 : 0;
        }
        int n = WindowTexts.VALUES.length;
        assertEquals(n + n * n + n * n * n + n * n * n * n, all.size());
        int texts = all.size();
        java.util.SplittableRandom random = new java.util.SplittableRandom(Seeds.forTest("WordCounterTest.window"));
        for (int i = 0; i < 20_000; i++) {
            String s = WindowTexts.random(random, 60);
            checkWindow(s);
        }
        assertTrue(whole > texts / 2, whole + " of " + texts + " texts counted whole by the window path");
    }

    /** Whether the window path took all of s; either way, the host's count is the automaton's. */
    private static boolean checkWindow(String s) {
        IntBinaryOperator core = (from, to) -> coreCount(s.substring(from, to));
        int want = counter.automaton(s, 0, s.length(), core);
        long r = WordCounter.window(s, 0, s.length(), tables.windowCodes());
        boolean whole = (int) (r >>> 32) == s.length();
        if (whole) {
            assertEquals(want, (int) r, Cps.escape(s) + Seeds.hint());
        }
        assertEquals(want, counter.count(s, core), Cps.escape(s) + Seeds.hint());
        return whole;
    }

    @Test
    @DisplayName("the window path hands over to the automaton and back, in long texts with sparse and dense escapes")
    void windowAndAutomatonTakeTurns() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(Seeds.forTest("WordCounterTest.turns"));
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("WordCounterTest.turns.gen"));
        for (int i = 0; i < 60; i++) {
            String s = WindowTexts.mixed(random, gen);
            assertEquals(coreCount(s), engine.countWords(s), "text " + i + " of " + s.length() + " units" + Seeds.hint());
        }
    }
}
