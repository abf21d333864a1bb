package io.textwasm.bench.harness;

import java.util.List;
import java.util.Map;

/**
 * Typed access to what the Node, native and GraalWasm harnesses print, read with the library's
 * own strict JSON reader ({@link io.textwasm.internal.Json}), so there is one JSON parser in the
 * project and no dependency.
 */
final class Json {
    private Json() {}

    static Object parse(String text) {
        return io.textwasm.internal.Json.parse(text);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object o) {
        return (List<Object>) o;
    }

    /** A JSON number as a double; null (absent) stays NaN so a missing figure is visible, not zero. */
    static double number(Object o) {
        if (o == null) {
            return Double.NaN;
        }
        if (!(o instanceof io.textwasm.internal.Json.Number n)) {
            throw new IllegalArgumentException("JSON: expected a number, found " + o);
        }
        return Double.parseDouble(n.text());
    }

    /** A JSON string literal. */
    static String quote(String v) {
        return io.textwasm.internal.Json.quote(v);
    }
}
