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
        Chunks chunks = new Chunks();
        int i = 0;
        while (i < n) {
            int x = shortcutAt(s, i, classes);
            if (chunks.next(x & 3)) {
                // A boundary at i closes the chunk [chunkStart, i).
                if (chunks.closedOneCluster) {
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
                chunkStart = i;
            }
            i += (x & WIDE) != 0 ? 2 : 1;
        }
        if (n > 0) {
            if (chunks.oneCluster) {
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

    /**
     * Where the certain boundaries are, fed one code point's shortcut at a time: before a simple
     * code point that follows a simple one, or that follows a chunk made of a base and its marks.
     * The walk {@link #count} and {@link #cut} share.
     */
    private static final class Chunks {
        /** The chunk so far is one simple code point, or a base and its marks: one cluster. */
        boolean oneCluster;
        /** After {@link #next} returned true: whether the chunk it closed was one cluster. */
        boolean closedOneCluster;
        private boolean base;
        private boolean prevSimple;
        private boolean started;

        /** Takes the next code point's shortcut; true when a certain boundary comes before it. */
        boolean next(int v) {
            boolean simple = (v & SIMPLE) != 0;
            boolean boundary = started && simple && (prevSimple || oneCluster);
            closedOneCluster = oneCluster;
            if (!started || boundary) {
                oneCluster = simple;
                base = v == BASE;
            } else {
                oneCluster = oneCluster && base && v == MARK;
            }
            started = true;
            prevSimple = simple;
            return boundary;
        }
    }

    /** {@link #shortcutAt}: the code point is a surrogate pair. */
    private static final int WIDE = 4;

    /**
     * The grapheme shortcut of the code point at {@code i} (bits 0-1; 0 beyond the BMP, where the
     * table ends, and for an unpaired surrogate, which the core sees as U+FFFD), with {@link #WIDE}
     * set for a surrogate pair.
     */
    private static int shortcutAt(String s, int i, byte[] classes) {
        char c = s.charAt(i);
        if (!Character.isSurrogate(c)) {
            return classes[c] >> 4 & 3;
        }
        return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? WIDE : 0;
    }

    /** Units of {@link #cut}, as the ABI numbers them (Truncation.Unit). */
    public static final int UTF8_BYTES = 0;
    public static final int UTF16_UNITS = 1;
    public static final int CODE_POINTS = 2;
    public static final int GRAPHEMES = 3;

    /**
     * Where to truncate {@code s}: the longest prefix that ends on a cluster boundary and whose
     * size in {@code unit} is at most {@code budget}, found with the same shortcuts as
     * {@link #count}; {@code s.length()} when the whole text is at most {@code limit} (checked
     * only for grapheme units: for the others the caller knows); -1 when the host cannot tell
     * (a cluster the shortcuts do not delimit reaches past the budget), and the core must.
     * The work is proportional to the prefix read, never to the text.
     */
    public int cut(String s, int unit, long limit, long budget) {
        byte[] classes = tables.classes();
        int n = s.length();
        long stopAbove = unit == GRAPHEMES ? limit : budget;
        // Past this many UTF-16 units the core decides (it bounds its own reading of a long cluster).
        long readCap = 8 * stopAbove + 256;
        long size = 0; // size of s[0, i) in unit (grapheme units: clusters in closed chunks)
        int cut = 0; // the last certain boundary whose size fits the budget
        Chunks chunks = new Chunks();
        int i = 0;
        while (i < n) {
            int x = shortcutAt(s, i, classes);
            int width = (x & WIDE) != 0 ? 2 : 1;
            if (chunks.next(x & 3)) {
                // A certain boundary at i closes a chunk.
                if (unit == GRAPHEMES) {
                    if (!chunks.closedOneCluster) {
                        return -1; // the core counts the clusters in such a chunk
                    }
                    size++;
                }
                if (size > stopAbove) {
                    // The chunk does not fit: one cluster cannot be split, anything else the core must split.
                    return chunks.closedOneCluster ? cut : -1;
                }
                if (size <= budget) {
                    cut = i;
                }
            }
            switch (unit) {
                // An unpaired surrogate is U+FFFD to the core: three UTF-8 bytes, like any BMP code point.
                case UTF8_BYTES: size += width == 2 ? 4 : s.charAt(i) < 0x80 ? 1 : s.charAt(i) < 0x800 ? 2 : 3; break;
                case UTF16_UNITS: size += width; break;
                case CODE_POINTS: size++; break;
                default: break;
            }
            if (i > readCap) {
                return -1;
            }
            i += width;
        }
        // The end of the text is a boundary too.
        if (unit == GRAPHEMES) {
            if (n > 0 && !chunks.oneCluster) {
                return -1;
            }
            return size + (n > 0 ? 1 : 0) <= limit ? n : cut;
        }
        return size <= budget ? n : chunks.oneCluster ? cut : -1;
    }
}
