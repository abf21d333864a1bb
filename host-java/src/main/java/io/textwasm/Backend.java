package io.textwasm;

import java.util.Locale;

/** How Chicory runs the core. */
public enum Backend {
    /** Compiled to JVM bytecode when textwasm was built (the default): fastest start and run. */
    AOT,
    /** Compiled to bytecode when the engine starts (Chicory's runtime compiler). */
    COMPILER,
    /** Chicory's interpreter: no code generation at all, about 100 times slower. */
    INTERPRETER;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Backend parse(String s) {
        for (Backend b : values()) {
            if (b.cliName().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + s + "' (expected aot, compiler or interpreter)");
    }
}
