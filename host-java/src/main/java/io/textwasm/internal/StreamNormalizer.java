package io.textwasm.internal;

import io.textwasm.LimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Normalizes a stream of any length in bounded memory. Input is read in chunks; the core
 * normalizes each up to the last point where a cut cannot change the result (a code point whose
 * mapping starts with a starter that combines with nothing before it) and reports how much it
 * consumed; the rest is carried into the next chunk. Whitespace-collapsing state is carried too.
 * Only a run of more than {@link #MAX_CARRY} bytes without any safe cut point (which takes
 * adversarial input, such as megabytes of combining marks) is refused.
 *
 * <p>A carried tail is offered to the core again only once the buffer has doubled, so each byte
 * is scanned a bounded number of times however small the source's reads are: retrying after every
 * read made a long run of marks quadratic (a million marks through a Reader took 4 s, 0.3 s in one
 * piece).
 */
public final class StreamNormalizer {
    static final int CHUNK = 1 << 16;
    static final int MAX_CARRY = 16 << 20;

    private final InstancePool pool;
    private final int flags;
    private final int maxCarry;
    /** Calls into the core so far (the tests check that a long tail is not rescanned per read). */
    int calls;

    public StreamNormalizer(InstancePool pool, int flags) {
        this(pool, flags, MAX_CARRY);
    }

    StreamNormalizer(InstancePool pool, int flags, int maxCarry) {
        this.pool = pool;
        this.flags = flags;
        this.maxCarry = maxCarry;
    }

    /** Normalizes UTF-8 bytes from {@code in} to {@code out}; error offsets count from the stream's start. */
    public void run(InputStream in, OutputStream out, LongConsumer progress) throws IOException {
        byte[] buf = new byte[CHUNK * 2];
        int have = 0;
        long base = 0; // stream offset of buf[0]
        long read = 0;
        int ws = 0;
        int[] consumed = new int[2];
        boolean eof = false;
        int callAt = CHUNK; // bytes to have before the next call
        while (!eof || have > 0) {
            if (!eof) {
                if (buf.length - have < CHUNK) {
                    if (buf.length >= maxCarry) {
                        throw noCutPoint(maxCarry);
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, have, buf.length - have);
                if (n < 0) {
                    eof = true;
                } else {
                    have += n;
                    read += n;
                    if (progress != null) {
                        progress.accept(read);
                    }
                    if (have < callAt) {
                        continue;
                    }
                }
            }
            final byte[] b = buf;
            final int len = have;
            final long at = base;
            final int f = flags | (ws << 8) | (eof ? 0 : Abi.NORM_PARTIAL);
            calls++;
            byte[] result = pool.with(ci -> Calls.normalize(ci, b, 0, len, f, consumed, at));
            int used = eof ? len : consumed[0];
            ws = consumed[1] >> 8 & 3;
            if (result != null) {
                out.write(result);
            } else {
                out.write(buf, 0, used);
            }
            System.arraycopy(buf, used, buf, 0, have - used);
            have -= used;
            base += used;
            if (eof) {
                break;
            }
            // Whatever is carried had no cut point: wait until the buffer holds twice as much (but
            // call before the buffer would have to grow past the limit).
            callAt = Math.max(CHUNK, Math.min(2 * have, maxCarry - CHUNK));
        }
        out.flush();
    }

    /** Normalizes characters from {@code in} to {@code out}. */
    public void run(Reader in, Writer out) throws IOException {
        // Characters become UTF-8 on the way in and back on the way out; the byte path does the work.
        run(new ReaderUtf8Stream(in), new Utf8ToWriter(out), null);
    }

    private static LimitExceededException noCutPoint(int maxCarry) {
        return new LimitExceededException("streaming normalization found no place to cut the input in "
                + (maxCarry >= 1 << 20 ? (maxCarry >> 20) + " MiB" : (maxCarry >> 10) + " KiB") + ": a run of combining marks (or of characters the options remove) that long"
                + " must be normalized in one piece, with TextEngine.normalize(String, ...)");
    }

    /** A Reader as a UTF-8 InputStream; unpaired surrogates become U+FFFD. */
    static final class ReaderUtf8Stream extends InputStream {
        private final Reader reader;
        private final char[] chars = new char[8192];
        private byte[] pending = new byte[0];
        private int pos;
        private int carry = -1; // a high surrogate at the end of the last read

        ReaderUtf8Stream(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos >= pending.length) {
                int n = reader.read(chars, 0, chars.length);
                if (n < 0) {
                    if (carry >= 0) {
                        pending = new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
                        carry = -1;
                        pos = 0;
                        break;
                    }
                    return -1;
                }
                StringBuilder sb = new StringBuilder(n + 1);
                if (carry >= 0) {
                    sb.append((char) carry);
                    carry = -1;
                }
                sb.append(chars, 0, n);
                if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
                    carry = sb.charAt(sb.length() - 1);
                    sb.setLength(sb.length() - 1);
                }
                pending = Utf8.encode(sb);
                pos = 0;
            }
            int k = Math.min(len, pending.length - pos);
            System.arraycopy(pending, pos, b, off, k);
            pos += k;
            return k;
        }
    }

    /**
     * UTF-8 onto a Writer. Every write from {@link #run(InputStream, OutputStream, LongConsumer)}
     * holds whole code points (the core cuts only between them), so each decodes on its own.
     */
    static final class Utf8ToWriter extends OutputStream {
        private final Writer writer;

        Utf8ToWriter(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writer.write(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() throws IOException {
            writer.flush();
        }
    }
}
