package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.Backend;
import io.textwasm.TextEngine;
import io.textwasm.Token;
import io.textwasm.TokenizeOptions;
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
 * Both sides of the host's word segmentation: the text it segments itself and the pieces it
 * hands to the core, and that its segments and kinds equal the core's for the whole text (the
 * byte API, which never takes the host path). ICU comparisons and the official WordBreakTest
 * are in SegmentationConformanceTest and TokenizeTest; they run through this path too.
 */
class WordSegmentsTest {
    static InstancePool pool;
    static WordSegments segments;
    static TextEngine engine;

    @BeforeAll
    static void load() {
        pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 65536, 256);
        segments = new WordSegments(new HostTables(pool));
        engine = TextEngine.create();
    }

    @AfterAll
    static void close() {
        pool.close();
        engine.close();
    }

    /** The core's segments of the whole text as "start-end:kind" in UTF-16 units. */
    static List<String> core(String s) {
        List<String> out = new ArrayList<>();
        byte[] utf8 = Utf8.encode(s);
        // Byte offsets to UTF-16 offsets (an unpaired surrogate is U+FFFD: 3 bytes, 1 unit).
        String decoded = new String(utf8, StandardCharsets.UTF_8);
        // UTF-16 offset of each code point's first byte, and of the end.
        int[] unitAt = new int[utf8.length + 1];
        for (int i = 0, b = 0; i < decoded.length(); ) {
            int cp = decoded.codePointAt(i);
            unitAt[b] = i;
            b += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            i += Character.charCount(cp);
            unitAt[b] = i;
        }
        for (Token t : engine.tokenizeUtf8(utf8, TokenizeOptions.DEFAULT, true, 0)) {
            out.add(unitAt[t.start()] + "-" + unitAt[t.end()] + ":" + t.kind().ordinal());
        }
        assertEquals(s.length(), decoded.length());
        return out;
    }

    /** The host's segments, recording the pieces handed to the core. */
    static List<String> host(String s, List<String> pieces) {
        List<String> out = new ArrayList<>();
        segments.segment(s, 0, s.length(), (a, b, kind) -> out.add(a + "-" + b + ":" + kind), (from, to, sink) -> {
            pieces.add(s.substring(from, to));
            WordSegments.coreSegments(pool, s, from, to, sink);
        });
        return out;
    }

    static void check(String s, String... wantPieces) {
        List<String> pieces = new ArrayList<>();
        assertEquals(core(s), host(s, pieces), Cps.escape(s));
        assertEquals(List.of(wantPieces), pieces, Cps.escape(s));
    }

    @Test
    @DisplayName("text the table covers is segmented without the core")
    void settledByTheHost() {
        check("");
        check("Don't stop: 3.14, 1,000 and a.b:c! foo_bar __ _x \"q\"  \t\r\n\n x");
        check("Événement d’école, cœur préféré.\r\n  e\u0301te\u0301 \u05D0\"\u05D1 \u05D0'");
        check("日本語のテキスト、カタカナ_カナ。ﾌﾟﾛｸﾞﾗﾑ 한국어 문장 ภาษาไทย");
        check("a 🇫🇷🇯🇵🇩 b go👩\u200D💻 now 👍🏽, ❤\uFE0F! a\u200D😀 \u200D\u0301\n\u0301");
        check("a:\u0301b 1,\u0301 2 a:"); // lookahead through ignorables, and to the end
        // A deferred boundary settled as one while the next code point joins what precedes it
        // (WB3c after the ZWJ), or breaks (a newline); a Hebrew letter before a quote.
        check("a.\u200D\u2764 1:\u200D\u2764 a.\n1,\r\n\u05D0\"\u0301x \u05D0'\u05D1");
        // The run of letters, digits or Katakana that takes Extend and Format with it, and what
        // ends it: a ZWJ (WB3c reads it), a mark after a newline, a mark before MidLetter.
        check("e\u0301te\u0301\u00AD\u0301s 1\u03012\u00AD3 \u30AB\u3099\u30CA\u3099 x\u0301\u0301");
        check("ab\u0301\u200D\u2764 ab\u200D\u0301\u2764 ab\u0301\u200D\u0301c \n\u0301a\u0301b");
        check("e\u0301'e\u0301 e\u0301:x 1\u0301,2\u0301 \u05D0\u05B0\u05D1\"\u05D2 a\u0301_b\u0301");
    }

    @Test
    @DisplayName("what the table does not cover goes to the core, from the open segment to a certain boundary")
    void handedToTheCore() {
        check("x 𠀋y z", " 𠀋y "); // beyond the table (from the space: whether it joins is the core's to say)
        check("ab\uD800cd e", "ab\uD800cd "); // an unpaired surrogate inside a word
        check("x \u24C2\u200D😀 z", " \u24C2\u200D😀"); // a pictograph with another Word_Break value
        check("a:𠀋 b", "a:𠀋 "); // met by the lookahead
        check("𠀋\u3000\u3000 x", "𠀋\u3000\u3000 "); // WSegSpace after WSegSpace is not a cut
    }

    @Test
    @DisplayName("the automaton acts as the rules do in every context they reach")
    void automatonSimulatesTheRules() {
        // Walk the rule function's contexts and the automaton's states side by side from the
        // start: on every value, both must take the same action and agree on whether a boundary
        // is deferred. Random text reaches the rare contexts (a deferred boundary after a
        // regional indicator, say) only by chance; this visits each of them.
        java.util.Map<Long, Integer> stateOf = new java.util.HashMap<>();
        java.util.ArrayDeque<Long> queue = new java.util.ArrayDeque<>();
        stateOf.put(WordSegments.Machine.START_CONTEXT, WordSegments.Machine.START);
        queue.add(WordSegments.Machine.START_CONTEXT);
        int pairs = 0;
        while (!queue.isEmpty()) {
            long ctx = queue.poll();
            int state = stateOf.get(ctx);
            for (int x = 0; x < 20; x++) {
                long r = WordSegments.Machine.step(ctx, x);
                long next = r >>> WordSegments.Machine.ACTION_BITS;
                int e = WordSegments.Machine.STEPS[state << 5 | x];
                int nextState = e >>> WordSegments.Machine.ACTION_BITS;
                String where = "context " + Long.toHexString(ctx) + ", value " + x;
                assertEquals(r & WordSegments.Machine.ACTION_MASK, e & WordSegments.Machine.ACTION_MASK, where);
                assertEquals(WordSegments.Machine.deferred(next), WordSegments.Machine.DEFERRED[nextState], where);
                Integer seen = stateOf.putIfAbsent(next, nextState);
                if (seen == null) {
                    queue.add(next);
                } else {
                    // A context the automaton reaches in two states would be merged wrongly in one of them.
                    assertEquals(seen.intValue(), nextState, where);
                }
                pairs++;
            }
        }
        assertEquals(stateOf.size() * 20, pairs);
    }

    @Test
    @DisplayName("random text: the host's segments and kinds are the core's")
    void randomTextAgreesWithTheCore() {
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("WordSegmentsTest"));
        for (int i = 0; i < 20_000; i++) {
            String s = i % 2 == 0 ? gen.segmentationString() : gen.normalizationString();
            List<String> pieces = new ArrayList<>();
            assertEquals(core(s), host(s, pieces), Cps.escape(s) + Seeds.hint());
        }
    }

    /** The automaton's segments of s as "end:kind". */
    private static List<String> automatonSegments(String s, byte[] table) {
        WordSegments.Segments out = new WordSegments.Segments(0, s.length());
        WordSegments.automaton(s, 0, s.length(), table, out, (from, to, sink) -> {
            throw new AssertionError("no code point here needs the core");
        });
        return ends(out);
    }

    private static List<String> ends(WordSegments.Segments out) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            r.add(out.end(i) + ":" + out.kind(i));
        }
        return r;
    }

    @Test
    @DisplayName("the window path segments as the automaton does: every text of up to four Word_Break values, and random longer ones")
    void windowPathIsTheAutomaton() {
        HostTables tables = new HostTables(pool);
        byte[] table = tables.wordTable();
        byte[] codes = tables.windowCodes();
        List<String> all = WindowTexts.allShort();
        int whole = 0;
        for (String s : all) {
            whole += checkWindow(s, table, codes) ? 1 : 0;
        }
        int n = WindowTexts.VALUES.length;
        assertEquals(n + n * n + n * n * n + n * n * n * n, all.size());
        int texts = all.size();
        java.util.SplittableRandom random = new java.util.SplittableRandom(Seeds.forTest("WordSegmentsTest.window"));
        for (int i = 0; i < 20_000; i++) {
            String s = WindowTexts.random(random, 60);
            checkWindow(s, table, codes);
        }
        assertTrue(whole > texts / 2, whole + " of " + texts + " texts taken whole by the window path");
    }

    /** Whether the window path took all of s; either way, the host's segments are the automaton's. */
    private static boolean checkWindow(String s, byte[] table, byte[] codes) {
        List<String> want = automatonSegments(s, table);
        WordSegments.Segments out = new WordSegments.Segments(0, s.length());
        boolean whole = WordSegments.window(s, 0, s.length(), codes, out, Integer.MAX_VALUE) == s.length();
        if (whole) {
            assertEquals(want, ends(out), Cps.escape(s) + Seeds.hint());
        }
        List<String> got = new ArrayList<>();
        segments.segment(s, 0, s.length(), (a, b, kind) -> got.add(b + ":" + kind), (from, to, sink) -> {
            throw new AssertionError("no code point here needs the core");
        });
        assertEquals(want, got, Cps.escape(s) + Seeds.hint());
        return whole;
    }

    @Test
    @DisplayName("the window path hands over to the automaton and back, in long texts with sparse and dense escapes")
    void windowAndAutomatonTakeTurns() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(Seeds.forTest("WordSegmentsTest.turns"));
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("WordSegmentsTest.turns.gen"));
        for (int i = 0; i < 60; i++) {
            String s = WindowTexts.mixed(random, gen);
            List<String> got = host(s, new ArrayList<>());
            assertEquals(core(s), got, "text " + i + " of " + s.length() + " units" + Seeds.hint());
        }
    }

    @Test
    @DisplayName("window runs longer than one call takes go on from a certain boundary, or to the automaton without one")
    void longWindowRuns() {
        HostTables tables = new HostTables(pool);
        byte[] table = tables.wordTable();
        java.util.SplittableRandom random = new java.util.SplittableRandom(Seeds.forTest("WordSegmentsTest.long"));
        StringBuilder mixed = new StringBuilder();
        while (mixed.length() < 200_000) {
            mixed.append(WindowTexts.UNITS[random.nextInt(WindowTexts.UNITS.length)]);
        }
        // Letters and mid-word punctuation only: no certain boundary anywhere, so the automaton takes it.
        String[] word = {"a", "b", "0", "_", "'", "."};
        StringBuilder oneWord = new StringBuilder();
        while (oneWord.length() < 150_000) {
            oneWord.append(word[random.nextInt(word.length)]);
        }
        for (String s : new String[] {mixed.toString(), oneWord.toString(), oneWord + " " + mixed, mixed + "\u0301" + oneWord}) {
            List<String> got = new ArrayList<>();
            segments.segment(s, 0, s.length(), (a, b, kind) -> got.add(b + ":" + kind), (from, to, sink) -> {
                throw new AssertionError("no code point here needs the core");
            });
            assertEquals(automatonSegments(s, table), got, s.length() + " units" + Seeds.hint());
        }
    }
}
