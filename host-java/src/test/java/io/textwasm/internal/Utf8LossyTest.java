package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.textwasm.TextEngine;
import io.textwasm.testkit.Engines;
import io.textwasm.testkit.Seeds;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Utf8#decodeLossy} against Unicode's own example and against the module's lossy mode. */
class Utf8LossyTest {
    static String decode(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Utf8.decodeLossy(b, 0, b.length);
    }

    @Test
    @DisplayName("maximal subparts: the example of Unicode §3.9 (Table 3-11) and encoded surrogates")
    void unicodeExamples() {
        // 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64: a, three subparts, b, one, c, two, d.
        assertEquals("a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd",
                decode(0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64));
        // The JDK's decoder gives one U+FFFD here; ED may only be followed by 80..9F.
        assertEquals("\uFFFD\uFFFD\uFFFD", decode(0xED, 0xA0, 0x80));
        assertEquals("\uFFFD\uFFFDA", decode(0xC0, 0xAF, 0x41));
        assertEquals("\uFFFD\uFFFD", decode(0xF4, 0x90));
        assertEquals("\uFFFD", decode(0xF0, 0x9F, 0x98));
        assertEquals("\uD83D\uDE00\u00E9\u65E5", decode(0xF0, 0x9F, 0x98, 0x80, 0xC3, 0xA9, 0xE6, 0x97, 0xA5));
    }

    @Test
    @DisplayName("on random ill-formed bytes, as many code points as the module's lossy count, and well-formed")
    void agreesWithTheModule() {
        TextEngine engine = Engines.aot();
        Random r = new Random(Seeds.forTest("Utf8LossyTest"));
        int[] leads = {0x41, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x8F, 0x90};
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[1 + r.nextInt(12)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (r.nextBoolean() ? leads[r.nextInt(leads.length)] : 0x80 + r.nextInt(0x40));
            }
            String s = Utf8.decodeLossy(b, 0, b.length);
            long want = engine.count(b, "codepoints", true);
            assertEquals(want, s.codePointCount(0, s.length()), () -> java.util.HexFormat.of().formatHex(b));
            byte[] again = Utf8.encode(s);
            assertEquals(want, engine.count(again, "codepoints", false));
        }
    }
}
