package io.textwasm;

import java.util.Locale;

/** How Chicory runs the core. */
public enum Backend {
    /** Compiled to JVM bytecode when textwasm was built (the default): fastest start and run. */
    AOT,
    /** Compiled to bytecode when the engine starts (Chicory's runtime compiler). */
    COMPILER,
    /**
     * Chicory's interpreter: no code generation at all; the core runs about 100 times slower (start-up
     * and the byte APIs show it, String calls the host answers from the module's tables do not).
     */
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
