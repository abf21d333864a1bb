package io.textwasm.internal;

import io.textwasm.EngineException;

/**
 * The core's per-code-point tables for the host's fast paths (HOST_TABLES in ABI.md), fetched
 * from the module once per engine: a byte for each BMP code point holding its word-count class
 * (bits 0-3) and its grapheme shortcut (bits 4-5), and the word-count automaton's steps. Taking
 * them from the module keeps the host's answers the module's.
 */
public final class HostTables {
    private final InstancePool pool;
    private volatile byte[][] tables;

    public HostTables(InstancePool pool) {
        this.pool = pool;
    }

    /** A byte per BMP code point. */
    byte[] classes() {
        return load()[0];
    }

    /** Steps of the word-count automaton: state * 16 + class. */
    byte[] steps() {
        return load()[1];
    }

    private byte[][] load() {
        byte[][] t = tables;
        if (t == null) {
            t = pool.with(Calls::hostTables);
            if (t[0].length != 0x10000 || t[1].length < 8 * 16) {
                throw new EngineException("the core's host tables have an unexpected shape (" + t[0].length + " classes, "
                        + t[1].length + " steps)");
            }
            tables = t;
        }
        return t;
    }
}
