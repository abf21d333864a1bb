package io.textwasm.size.analysis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip framing around java.util.zip's deflate at {@link Deflater#BEST_COMPRESSION}, which is
 * zlib's level 9. The JDK writes a 10-byte header without file name or time stamp, so the size
 * only depends on the input; it can differ by a few bytes from GNU {@code gzip -9}, whose
 * deflate implementation is not zlib's.
 */
public final class GzipCompressor implements Compressor {
    @Override
    public long compressedSize(byte[] data) {
        CountingStream counter = new CountingStream();
        try (GZIPOutputStream gz = new BestGzip(counter)) {
            gz.write(data);
        } catch (IOException e) {
            // Only an in-memory stream is written, which never throws.
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    @Override
    public String settings() {
        return "deflate level 9 (java.util.zip)";
    }

    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(CountingStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }

    /** Counts instead of buffering: only the size is reported. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
