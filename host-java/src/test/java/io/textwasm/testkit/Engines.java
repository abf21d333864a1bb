package io.textwasm.testkit;

import io.textwasm.Backend;
import io.textwasm.TextEngine;
import java.util.EnumMap;
import java.util.Map;

/**
 * One engine per backend, shared by every test class in the JVM. Building one is cheap for AOT,
 * but the runtime compiler needs about a second and an interpreted instance about seven seconds
 * to expand its tables, so tests must not pay that again and again.
 */
public final class Engines {
    private static final Map<Backend, TextEngine> ENGINES = new EnumMap<>(Backend.class);

    private Engines() {}

    public static synchronized TextEngine get(Backend backend) {
        return ENGINES.computeIfAbsent(backend, b -> TextEngine.builder()
                .backend(b)
                // One interpreted instance is enough: a second would cost another table expansion.
                .maxInstances(b == Backend.INTERPRETER ? 1 : 2)
                .build());
    }

    public static TextEngine aot() {
        return get(Backend.AOT);
    }
}
