package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void nestingIsBoundedSoHostileMetadataCannotExhaustTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nested deeper than 16 levels"), e.getMessage());
    }

    @Test
    void readsValuesAndKeepsNumbersAsWritten() {
        assertEquals(List.of("a\u00e9\ud83d\ude00", new Json.Number("-1.5e3"), true, false),
                Json.parse("[\"a\\u00e9\\ud83d\\ude00\", -1.5e3, true, false]"));
        Object o = Json.parse(" {\"start\": 12, \"end\": null} ");
        assertEquals(12L, ((Json.Number) ((Map<?, ?>) o).get("start")).longValue());
        assertTrue(((Map<?, ?>) o).containsKey("end"));
    }

    @Test
    void rejectsMalformedText() {
        for (String s : new String[] {"", "01", "1.", "[1,]", "{\"a\" 1}", "tru", "\"\t\"", "1 2", "\"abc"}) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(s), s);
        }
    }

    /** Whatever the CLI writes with quote() reads back as the same string, controls, quotes and U+2028/U+2029 included. */
    @Test
    void quoteRoundTripsThroughParse() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                int pick = r.nextInt(4);
                b.appendCodePoint(pick == 0 ? r.nextInt(0x20) : pick == 1 ? "\"\\/\u2028\u2029".charAt(r.nextInt(5))
                        : pick == 2 ? r.nextInt(0x20, 0x800) : r.nextInt(0x1F300, 0x1FAFF));
            }
            String s = b.toString();
            assertEquals(s, Json.parse(Json.quote(s)), s);
        }
    }
}
