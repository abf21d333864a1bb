package io.textwasm.size.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesValues() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\u00e9\\n\\\"\", \"c\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false), ((List<?>) m.get("a")).subList(0, 4));
        assertNull(((List<?>) m.get("a")).get(4));
        assertEquals("xé\n\"", m.get("b"));
        assertEquals(Map.of(), m.get("c"));
        assertEquals(List.of("a", "b", "c"), List.copyOf(m.keySet()), "key order kept");
    }

    @Test
    void errorsSayWhere() {
        assertEquals("invalid JSON: expected ':' but found '1' at line 2, column 7",
                assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\" 1}")).getMessage());
        assertEquals("invalid JSON: unterminated string at line 1, column 5",
                assertThrows(JsonException.class, () -> Json.parse("\"abc")).getMessage());
        assertEquals("invalid JSON: control character U+000A in string at line 1, column 2",
                assertThrows(JsonException.class, () -> Json.parse("\"\n\"")).getMessage());
        assertEquals("invalid JSON: bad number: digit expected after '.' at line 1, column 3",
                assertThrows(JsonException.class, () -> Json.parse("1.")).getMessage());
        assertEquals("invalid JSON: unexpected 'N' at line 1, column 1",
                assertThrows(JsonException.class, () -> Json.parse("NaN")).getMessage());
        assertThrows(JsonException.class, () -> Json.parse("[1,]"));
        assertThrows(JsonException.class, () -> Json.parse("{\"a\":1,}"));
        assertThrows(JsonException.class, () -> Json.parse("'a'"));
    }

    @Test
    void writerOutputReadsBack() {
        String tricky = "quote\" backslash\\ tab\t nl\n ctl\u0001 del\u007f é ∂ 😀";
        String json = new JsonWriter().beginObject()
                .field("s", tricky)
                .field("n", 42L)
                .field("none", (String) null)
                .name("list").beginArray().value(1).value("two").beginObject().endObject().endArray()
                .name("empty").beginArray().endArray()
                .endObject().toString();
        Map<?, ?> m = (Map<?, ?>) Json.parse(json);
        assertEquals(tricky, m.get("s"));
        assertEquals(new BigDecimal(42), m.get("n"));
        assertNull(m.get("none"));
        assertEquals(List.of(new BigDecimal(1), "two", Map.of()), m.get("list"));
        assertEquals(List.of(), m.get("empty"));
        assertEquals("{\n  \"s\": \"quote\\\" backslash\\\\ tab\\t nl\\n ctl\\u0001 del\\u007f é ∂ 😀\",",
                json.substring(0, json.indexOf('\n', 2)));
    }
}
