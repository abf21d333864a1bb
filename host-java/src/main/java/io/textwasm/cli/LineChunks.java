package io.textwasm.cli;

import java.io.IOException;
import java.io.InputStream;
import io.textwasm.LimitExceededException;
import io.textwasm.internal.SegmentCuts;
import java.util.Arrays;

/**
 * Reads a byte stream in chunks that end where UAX #29 breaks whatever surrounds the cut: just
 * after a line feed, or, in a line longer than the buffer, between a space and an ASCII character
 * (see {@link SegmentCuts}). Counting, segmenting or tokenizing chunk by chunk therefore gives the
 * same answer as the whole text, in bounded memory. A single piece longer than {@code MAX} with
 * neither kind of cut in it is refused.
 */
final class LineChunks {
    static final int CHUNK = 1 << 20;
    static final int MAX = 256 << 20;

    interface Sink {
        void chunk(byte[] buf, int len, long base) throws IOException;
    }

    static void read(String name, InputStream in, Sink sink) throws IOException {
        read(name, in, sink, MAX);
    }

    /** {@link #read(String, InputStream, Sink)} refusing a piece longer than {@code max} (tests use a small one). */
    static void read(String name, InputStream in, Sink sink, int max) throws IOException {
        byte[] buf = new byte[Math.min(CHUNK, max)];
        int have = 0;
        long base = 0;
        boolean eof = false;
        // Where the last line feed ends in buf[0, scanned): each read's new bytes are scanned
        // once (rescanning the whole buffer after every 64 KiB read from a pipe was quadratic on
        // input without line feeds: 41.6 MB of minified JSON took 11 s through a pipe, 2.5 s from
        // the file).
        int lineEnd = -1;
        int scanned = 0;
        while (!eof) {
            if (have == buf.length) {
                if (buf.length >= max) {
                    // The input's shape, not the command line, is at fault: status 1, as for bad UTF-8.
                    throw new LimitExceededException(name + ": more than " + (max >> 20) + " MiB without a line feed or a space to cut at");
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, have, buf.length - have);
            if (n < 0) {
                eof = true;
            } else {
                have += n;
            }
            lineEnd = Math.max(lineEnd, SegmentCuts.afterLastLineFeed(buf, scanned, have));
            scanned = have;
            int cut = eof ? have : Math.max(0, lineEnd);
            if (!eof && have == buf.length && cut < have / 2) {
                // A long line: a cut after a space keeps the buffer from growing.
                cut = Math.max(cut, SegmentCuts.last(buf, 0, have));
            }
            if (cut > 0 && (eof || have == buf.length || cut >= CHUNK / 2)) {
                sink.chunk(Arrays.copyOf(buf, cut), cut, base);
                System.arraycopy(buf, cut, buf, 0, have - cut);
                have -= cut;
                base += cut;
                scanned = have;
                lineEnd = lineEnd > cut ? lineEnd - cut : -1;
            }
        }
    }

    private LineChunks() {}
}
