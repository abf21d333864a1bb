package io.textwasm.internal;

import io.textwasm.EngineException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The core's per-code-point tables for the host's fast paths (HOST_TABLES in ABI.md), fetched
 * from the module once per backend and shared by its engines ({@link DerivedTables}): a byte for
 * each code point of the BMP and of the emoji window U+1F000..U+1FFFF holding its word-count
 * class (bits 0-3) and its grapheme shortcut (bits 4-6), and the word-count automaton's steps. Taking them from the module keeps the host's answers the
 * module's.
 */
public final class HostTables {
    private final InstancePool pool;
    private final AtomicReference<byte[][]> tables;
    private final AtomicReference<byte[]> wordTable;
    private final AtomicReference<byte[]> windowCodes;
    private final ShippedTables shipped;

    /** With the tables shared by the engines of the pool's backend (see {@link DerivedTables}). */
    public HostTables(InstancePool pool) {
        this(pool, DerivedTables.of(pool.module().backend()));
    }

    HostTables(InstancePool pool, DerivedTables tables) {
        this.pool = pool;
        this.tables = tables.hostTables;
        this.wordTable = tables.wordTable;
        this.windowCodes = tables.windowCodes;
        this.shipped = tables.shipped;
    }

    /** First code point of the supplementary window; its bytes follow the BMP's. */
    static final int PLANE1_WINDOW = 0x1F000;
    /** Bytes in {@link #classes}: the BMP, then the window. */
    static final int CLASSES_LENGTH = 0x11000;

    /** A byte per code point of the BMP and the window (see {@link #indexOfSurrogates}). */
    byte[] classes() {
        return load()[0];
    }

    /**
     * Where the code point that starts with the surrogate {@code s[i]} is in {@link #classes},
     * or -1 when it is unpaired (within {@code s[0, end)}) or outside the window. (A BMP code
     * point {@code c} is at index {@code c}; callers look those up directly.)
     */
    static int indexOfSurrogates(String s, int i, int end) {
        char c = s.charAt(i);
        if (!Character.isHighSurrogate(c) || i + 1 >= end || !Character.isLowSurrogate(s.charAt(i + 1))) {
            return -1;
        }
        return indexOfPair(c, s.charAt(i + 1));
    }

    /** Where the code point of a surrogate pair is in {@link #classes}, or -1 outside the window. */
    static int indexOfPair(char high, char low) {
        int window = Character.toCodePoint(high, low) - PLANE1_WINDOW;
        return window >= 0 && window < 0x1000 ? 0x10000 + window : -1;
    }

    /**
     * A byte per code point of the BMP and the window, for word segmentation (WORD_TABLE in
     * ABI.md): Word_Break value or pseudo-value in bits 0-4, token kind in bits 5-7.
     */
    byte[] wordTable() {
        byte[] t = wordTable.get();
        return t != null ? t : DerivedTables.once(wordTable, () -> {
            byte[] built = shipped.wordTable();
            byte[] fetched = built != null ? built : pool.with(Calls::wordTable);
            if (fetched.length != CLASSES_LENGTH) {
                throw new EngineException("the core's word table has an unexpected size (" + fetched.length + " bytes)");
            }
            return fetched;
        });
    }

    /** The word segmenter's window codes for the BMP, derived from {@link #wordTable} ({@code WordSegments.Window#codes}). */
    byte[] windowCodes() {
        byte[] t = windowCodes.get();
        return t != null ? t : DerivedTables.once(windowCodes, () -> WordSegments.Window.codes(wordTable()));
    }

    /** Steps of the word-count automaton: state * 16 + class. */
    byte[] steps() {
        return load()[1];
    }

    private byte[][] load() {
        byte[][] t = tables.get();
        return t != null ? t : DerivedTables.once(tables, () -> {
            byte[][] built = shipped.hostTables();
            byte[][] fetched = built != null ? built : pool.with(Calls::hostTables);
            if (fetched[0].length != CLASSES_LENGTH || fetched[1].length < 8 * 16) {
                throw new EngineException("the core's host tables have an unexpected shape (" + fetched[0].length + " classes, "
                        + fetched[1].length + " steps)");
            }
            return fetched;
        });
    }
}
