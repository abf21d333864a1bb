package io.textwasm.internal;

import java.util.function.IntBinaryOperator;

/**
 * Grapheme-cluster counting that lets the core see only the text where UAX #29's rules have
 * something to decide.
 *
 * <p>The core exports a grapheme shortcut for each BMP code point (HOST_TABLES, see
 * {@code grapheme_shortcut} in the core's segment module): <em>simple</em> (Grapheme_Cluster_Break Other,
 * Control, LF, LV or LVT), <em>base</em> (simple, and marks attach to it without leaving state
 * behind) and <em>mark</em> (Extend other than ZWJ, or SpacingMark). A boundary is certain
 * before a simple code point that follows a simple one, or that follows a base and its marks;
 * and cluster state never reaches across a boundary. So the string falls into <em>chunks</em>
 * between such boundaries: a chunk that is one simple code point, or a base and its marks, is
 * one cluster, and any other chunk (a ZWJ sequence, a flag, Hangul jamo, an Indic conjunct, an
 * unpaired surrogate, a code point beyond the BMP...) is counted by the core. Runs of such
 * chunks, with the few one-cluster chunks between them, go to the core as one piece. The answer
 * is the core's; the host only finds the cuts.
 */
public final class SimpleClusters {
    private static final int SIMPLE = 1;
    private static final int BASE = 3;
    private static final int MARK = 2;
    /** One-cluster chunks in a row after which the pending piece goes to the core. */
    static final int FLUSH_AFTER = 16;

    private final HostTables tables;

    public SimpleClusters(HostTables tables) {
        this.tables = tables;
    }

    /**
     * The number of grapheme clusters in {@code s}; {@code core} counts them in
     * {@code s[from, to)} (called only for pieces that start and end on a boundary).
     */
    public int count(String s, IntBinaryOperator core) {
        byte[] classes = tables.classes();
        int n = s.length();
        int count = 0;
        // The piece waiting for the core, and the one-cluster chunks counted after it.
        int pendingStart = -1;
        int pendingEnd = 0;
        int after = 0;
        int chunkStart = 0;
        boolean oneCluster = false; // the chunk so far is one simple code point, or a base and marks
        boolean base = false; // the chunk started with a base
        boolean prevSimple = false;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int width = 1;
            int v;
            if (!Character.isSurrogate(c)) {
                v = classes[c] >> 4 & 3;
            } else {
                // Beyond the BMP (a pair) or unpaired (the core sees U+FFFD): the core decides.
                v = 0;
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    width = 2;
                }
            }
            boolean simple = (v & SIMPLE) != 0;
            if (i == 0 || (simple && (prevSimple || oneCluster))) {
                if (i > 0) {
                    // A boundary at i closes the chunk [chunkStart, i).
                    if (oneCluster) {
                        if (pendingStart < 0) {
                            count++;
                        } else if (++after == FLUSH_AFTER) {
                            count += core.applyAsInt(pendingStart, pendingEnd) + after;
                            pendingStart = -1;
                            after = 0;
                        }
                    } else {
                        if (pendingStart < 0) {
                            pendingStart = chunkStart;
                        }
                        pendingEnd = i;
                        after = 0; // the one-cluster chunks since the last piece are inside it now
                    }
                }
                chunkStart = i;
                oneCluster = simple;
                base = v == BASE;
            } else {
                oneCluster = oneCluster && base && v == MARK;
            }
            prevSimple = simple;
            i += width;
        }
        if (n > 0) {
            if (oneCluster) {
                after++;
            } else {
                if (pendingStart < 0) {
                    pendingStart = chunkStart;
                }
                pendingEnd = n;
                after = 0;
            }
        }
        if (pendingStart >= 0) {
            count += core.applyAsInt(pendingStart, pendingEnd);
        }
        return count + after;
    }
}
